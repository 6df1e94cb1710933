package dev.gmm.imaging.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.datasets.Cifar10;
import dev.gmm.datasets.PathDatasetProviders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Loads the real image sets (MNIST IDX, CIFAR-10 binary batches or PNG folder) through gmm-datasets'
 * loaders and turns a seeded sample of their rows back into packed ARGB images for segmentation.
 */
public final class ImageSets {

    private ImageSets() {
    }

    /**
     * A sample of labelled images of one size.
     *
     * @param source     where they came from (for titles)
     * @param width      image width
     * @param height     image height
     * @param images     packed ARGB pixels, raster order, one array per image
     * @param labels     the class of each image
     * @param indices    each image's row in the loaded data set
     * @param labelNames the class names (index = label)
     * @param available  how many images the data set holds
     */
    public record LabelledImages(String source, int width, int height, List<int[]> images, int[] labels, int[] indices,
                                 List<String> labelNames, int available) {
        public LabelledImages {
            images = List.copyOf(images);
        }

        public int size() {
            return images.size();
        }
    }

    /** The MNIST data set at {@code path} (a folder of IDX files or an images file), all of it. */
    public static Dataset loadMnist(Path path) throws IOException {
        return new PathDatasetProviders.Mnist().load(path);
    }

    /** A seeded sample of {@code n} MNIST images (all of them when the set is smaller) as grey ARGB images. */
    public static LabelledImages mnist(Path path, int n, long seed) throws IOException {
        Dataset d = loadMnist(path);
        int side = squareSide(d.data().cols(), path);
        int[] rows = sample(d.data().rows(), n, seed);
        List<int[]> images = new ArrayList<>(rows.length);
        for (int r : rows) {
            images.add(greyToArgb(d.data(), r));
        }
        return new LabelledImages(path.getFileName() + " (MNIST)", side, side, images, pick(d.labels(), rows), rows,
                d.labelNames(), d.data().rows());
    }

    /**
     * A seeded sample of {@code n} CIFAR-10 images. {@code path} is a {@code .bin} batch, a folder of
     * {@code data_batch_N.bin} / {@code test_batch.bin}, a folder of PNGs with a labels CSV, or a folder
     * holding other {@code .bin} batches or such a PNG folder (as the project's first-200 extract does).
     */
    public static LabelledImages cifar(Path path, int n, long seed) throws IOException {
        Dataset d = loadCifar(path);
        int[] rows = sample(d.data().rows(), n, seed);
        List<int[]> images = new ArrayList<>(rows.length);
        for (int r : rows) {
            images.add(channelMajorToArgb(d.data(), r));
        }
        return new LabelledImages(path.getFileName() + " (CIFAR-10)", 32, 32, images, pick(d.labels(), rows), rows,
                d.labelNames(), d.data().rows());
    }

    /** Reads CIFAR-10 from any of the layouts {@link #cifar} accepts. */
    public static Dataset loadCifar(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist: give a CIFAR-10 .bin batch or the folder holding them");
        }
        if (!Files.isDirectory(path) || holdsStandardBatchesOrCsv(path)) {
            return Cifar10.read(path);
        }
        List<Path> bins = list(path, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".bin"));
        if (!bins.isEmpty()) {
            // a folder of differently named batches (e.g. first200_cifar10_binary_format.bin): read them all
            List<Dataset> parts = new ArrayList<>();
            for (Path bin : bins) {
                parts.add(Cifar10.read(bin));
            }
            return concat(parts);
        }
        List<Path> pngFolders = list(path, p -> Files.isDirectory(p) && holdsCsv(p));
        if (!pngFolders.isEmpty()) {
            return Cifar10.readPngFolder(pngFolders.getFirst());
        }
        return Cifar10.read(path); // its error names what a CIFAR-10 folder must hold
    }

    /** Sorted row indices of a seeded sample of {@code n} of {@code total} rows (all rows when n >= total). */
    public static int[] sample(int total, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": ask for at least 1 image");
        }
        if (total < 1) {
            throw new IllegalArgumentException("the data set holds no images: give a non-empty file");
        }
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i;
        }
        if (n >= total) {
            return all;
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) { // partial Fisher-Yates: the first n are a uniform sample
            int j = i + rnd.nextInt(total - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, n);
        Arrays.sort(picked);
        return picked;
    }

    /** Row {@code r} of grey values 0..255 as opaque grey ARGB pixels. */
    public static int[] greyToArgb(DataMatrix data, int r) {
        int[] argb = new int[data.cols()];
        for (int j = 0; j < argb.length; j++) {
            int g = clampByte(data.get(r, j));
            argb[j] = 0xff000000 | g << 16 | g << 8 | g;
        }
        return argb;
    }

    /** Row {@code r} in CIFAR's channel-major order (all R, all G, all B; 0..255) as ARGB pixels. */
    public static int[] channelMajorToArgb(DataMatrix data, int r) {
        int plane = data.cols() / 3;
        int[] argb = new int[plane];
        for (int j = 0; j < plane; j++) {
            argb[j] = 0xff000000 | clampByte(data.get(r, j)) << 16 | clampByte(data.get(r, plane + j)) << 8
                    | clampByte(data.get(r, 2 * plane + j));
        }
        return argb;
    }

    private static int squareSide(int pixels, Path path) {
        int side = (int) Math.round(Math.sqrt(pixels));
        if (side * side != pixels) {
            throw new IllegalArgumentException(path + ": images of " + pixels
                    + " pixels are not square; give MNIST-style IDX images (28 x 28)");
        }
        return side;
    }

    private static int clampByte(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int[] pick(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels == null ? -1 : labels[rows[i]];
        }
        return out;
    }

    private static boolean holdsStandardBatchesOrCsv(Path folder) throws IOException {
        return !list(folder, p -> {
            String name = p.getFileName().toString();
            return name.matches("data_batch_\\d+\\.bin") || name.equals("test_batch.bin")
                    || name.toLowerCase().endsWith(".csv");
        }).isEmpty();
    }

    private static boolean holdsCsv(Path folder) {
        try {
            return !list(folder, p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> list(Path folder, java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(filter).sorted().toList();
        }
    }

    private static Dataset concat(List<Dataset> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        int rows = parts.stream().mapToInt(p -> p.data().rows()).sum();
        int cols = parts.getFirst().data().cols();
        float[] px = new float[rows * cols];
        int[] labels = new int[rows];
        int at = 0;
        for (Dataset p : parts) {
            float[] v = p.data().toFloat32().floatValues();
            System.arraycopy(v, 0, px, at * cols, v.length);
            System.arraycopy(p.labels(), 0, labels, at, p.labels().length);
            at += p.data().rows();
        }
        return new Dataset("cifar10", DataMatrix.wrapFloat(px, rows, cols), labels, parts.getFirst().featureNames(),
                parts.getFirst().labelNames());
    }
}
