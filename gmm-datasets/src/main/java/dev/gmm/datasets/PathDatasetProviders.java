package dev.gmm.datasets;

import dev.gmm.core.spi.Dataset;
import dev.gmm.core.spi.DatasetProvider;

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

    /** MNIST-style IDX: a folder with train-images-idx3-ubyte[.gz] or t10k-..., or an images file. */
    private static Dataset idx(String name, Path path, List<String> labelNames) throws IOException {
        requirePath(path, name, "a folder of IDX files or an *-images-idx3-ubyte[.gz] file");
        Path images = null;
        if (Files.isDirectory(path)) {
            for (String split : List.of("train", "t10k")) {
                for (String ext : List.of("", ".gz")) {
                    Path p = path.resolve(split + "-images-idx3-ubyte" + ext);
                    if (images == null && Files.exists(p)) {
                        images = p;
                    }
                }
            }
            if (images == null) {
                throw new IOException(path + " holds no train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]");
            }
        } else {
            images = path;
        }
        String labelsName = images.getFileName().toString().replace("images-idx3", "labels-idx1");
        Path labels = images.resolveSibling(labelsName);
        if (labelsName.equals(images.getFileName().toString()) || !Files.exists(labels)) {
            throw new IOException("no labels file beside " + images + ": expected " + labels);
        }
        return Idx.read(name, images, labels, labelNames);
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
        public Mnist() {
            super("mnist", "MNIST digits from IDX files (.gz or raw); path: folder or images file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return idx("mnist", path, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        }
    }

    /** "fashion-mnist": Zalando's clothing images in IDX files. */
    public static final class FashionMnist extends RequiresPath {
        public FashionMnist() {
            super("fashion-mnist", "Fashion-MNIST from IDX files (.gz or raw); path: folder or images file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return idx("fashion-mnist", path, List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
        }
    }

    /** "cifar10": the binary batch layout, or a folder of PNGs with a labels CSV. */
    public static final class Cifar extends RequiresPath {
        public Cifar() {
            super("cifar10", "CIFAR-10 binary batches or PNG folder + labels CSV; path: folder or one .bin file");
        }

        @Override
        public Dataset load(Path path) throws IOException {
            return Cifar10.read(requirePath(path, "cifar10", "the cifar-10-batches-bin folder or a .bin file"));
        }
    }
}
