package dev.gmm.datasets;

import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@link DatasetProvider}s of real data sets that live outside the project (a path is required). */
public final class PathDatasetProviders {
    private PathDatasetProviders() {
    }

    private static Path requirePath(Path path, String name, String hint) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("data set " + name + " is not bundled: give its path (" + hint + ")");
        }
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist: give " + hint);
        }
        return path;
    }

    /**
     * MNIST-style IDX: a folder (every split in it, train then t10k) or one images file (that split,
     * with the labels file beside it).
     */
    private static Dataset idx(String name, Path path, List<String> labelNames) throws IOException {
        requirePath(path, name, "a folder of IDX files or an *-images-idx3-ubyte[.gz] file");
        if (Files.isDirectory(path)) {
            return Idx.readFolder(name, path, labelNames);
        }
        return Idx.read(name, path, Idx.labelsBeside(path), labelNames);
    }

    /** A provider that needs a path: its name and description are fixed at construction. */
    private abstract static class RequiresPath implements DatasetProvider {
        private final String name;
        private final String description;

        RequiresPath(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean requiresPath() {
            return true;
        }
    }

    /** "mnist": handwritten digits in IDX files. */
    public static final class Mnist extends RequiresPath {
        /** Created by {@link java.util.ServiceLoader}. */
        public Mnist() {
            super("mnist", "MNIST digits from IDX files (.gz or raw); path: a folder (train then t10k) or one images file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return idx("mnist", path, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        }
    }

    /** "fashion-mnist": Zalando's clothing images in IDX files. */
    public static final class FashionMnist extends RequiresPath {
        /** Created by {@link java.util.ServiceLoader}. */
        public FashionMnist() {
            super("fashion-mnist", "Fashion-MNIST from IDX files (.gz or raw); path: a folder (train then t10k) or one images file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return idx("fashion-mnist", path, List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
        }
    }

    /** "cifar10": the binary batch layout, or a folder of PNGs with a labels CSV. */
    public static final class Cifar extends RequiresPath {
        /** Created by {@link java.util.ServiceLoader}. */
        public Cifar() {
            super("cifar10", "CIFAR-10 binary batches or PNG folder + labels CSV; path: folder or one .bin file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return Cifar10.read(requirePath(path, "cifar10", "the cifar-10-batches-bin folder or a .bin file"));
        }
    }

    /** "ravdess": the RAVDESS file index (one row per recording, its name fields as columns, emotion labels). */
    public static final class RavdessRecordings extends RequiresPath {
        /** Created by {@link java.util.ServiceLoader}. */
        public RavdessRecordings() {
            super("ravdess", "RAVDESS recordings indexed by file name (7 fields + sex; emotion labels); "
                    + "path: the folder holding Actor_NN");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return Ravdess.dataset(requirePath(path, "ravdess", "the RAVDESS folder holding Actor_01 .. Actor_24"),
                    null);
        }
    }
}
