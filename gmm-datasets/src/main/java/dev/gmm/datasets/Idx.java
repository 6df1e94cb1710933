package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.Dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST ({@code .gz} or raw): unsigned-byte images as rows of
 * pixel values 0..255 (stored as floats to halve the memory of 60,000 × 784), labels as ints.
 *
 * <p>Every size in a header is checked against the bytes that are really there before anything
 * is allocated for them, so a corrupt or hostile header gives an {@link IOException} naming the
 * file and byte offset, never an out-of-memory error.
 */
public final class Idx {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    /** The largest Java array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final List<String> SPLITS = List.of("train", "t10k");

    private Idx() {
    }

    /** The pixel bytes of an images file and its geometry. */
    private record Images(byte[] pixels, int count, int height, int width) {
        int pixelsPerImage() {
            return height * width;
        }
    }

    /** Reads an images file (magic 0x00000803): one row per image, height × width pixel columns. */
    public static DataMatrix readImages(Path file) throws IOException {
        Images images = images(file);
        return DataMatrix.wrapFloat(toFloats(List.of(images)), images.count(), images.pixelsPerImage());
    }

    /** Reads a labels file (magic 0x00000801). */
    public static int[] readLabels(Path file) throws IOException {
        byte[] b = labelBytes(file);
        int[] labels = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            labels[i] = b[i] & 0xFF;
        }
        return labels;
    }

    /**
     * Images with their labels.
     *
     * @param labelNames the class names (index = label value), or an empty list to accept any byte
     * @throws IOException when the counts disagree, naming both files, or a label has no name
     */
    public static Dataset read(String name, Path images, Path labels, List<String> labelNames) throws IOException {
        return read(name, List.of(images), List.of(labels), labelNames);
    }

    /**
     * The splits found in a folder, in the order {@code train} then {@code t10k} (70,000 rows for a
     * full MNIST or Fashion-MNIST folder, as scikit-learn's {@code fetch_openml("mnist_784")}): each
     * split is a pair {@code <split>-images-idx3-ubyte[.gz]} and {@code <split>-labels-idx1-ubyte[.gz]}.
     * A split whose images file is absent is skipped; one without its labels file is an error.
     *
     * @throws IOException when the folder holds no images file, naming the file names looked for
     */
    public static Dataset readFolder(String name, Path folder, List<String> labelNames) throws IOException {
        List<Path> images = new ArrayList<>();
        List<Path> labels = new ArrayList<>();
        for (String split : SPLITS) {
            Path image = firstExisting(folder, split + "-images-idx3-ubyte");
            if (image != null) {
                images.add(image);
                labels.add(labelsBeside(image));
            }
        }
        if (images.isEmpty()) {
            throw new IOException(folder + " holds no train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]: "
                    + "give the folder of an MNIST-style data set or one images file");
        }
        return read(name, images, labels, labelNames);
    }

    /**
     * The labels file that pairs with an images file: the same name with {@code images-idx3} replaced
     * by {@code labels-idx1} (with or without {@code .gz}).
     */
    public static Path labelsBeside(Path images) throws IOException {
        String imagesName = images.getFileName().toString();
        String stem = imagesName.replaceFirst("\\.gz$", "");
        if (!stem.contains("images-idx3")) {
            throw new IOException(images + ": cannot tell its labels file; name it *-images-idx3-ubyte[.gz] beside a "
                    + "*-labels-idx1-ubyte[.gz]");
        }
        Path labels = firstExisting(images.toAbsolutePath().getParent(), stem.replace("images-idx3", "labels-idx1"));
        if (labels == null) {
            throw new IOException("no labels file beside " + images + ": expected "
                    + images.resolveSibling(stem.replace("images-idx3", "labels-idx1")) + "[.gz]");
        }
        return labels;
    }

    private static Path firstExisting(Path folder, String stem) {
        for (String ext : List.of("", ".gz")) {
            Path p = folder.resolve(stem + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Dataset read(String name, List<Path> imageFiles, List<Path> labelFiles, List<String> labelNames)
            throws IOException {
        List<Images> parts = new ArrayList<>();
        List<byte[]> labelParts = new ArrayList<>();
        long rows = 0;
        for (int f = 0; f < imageFiles.size(); f++) {
            Images images = images(imageFiles.get(f));
            byte[] labels = labelBytes(labelFiles.get(f));
            if (labels.length != images.count()) {
                throw new IOException(imageFiles.get(f) + " has " + images.count() + " images but " + labelFiles.get(f)
                        + " has " + labels.length + " labels; pair files of the same split");
            }
            if (!parts.isEmpty() && images.pixelsPerImage() != parts.getFirst().pixelsPerImage()) {
                throw new IOException(imageFiles.get(f) + " holds " + images.height() + " x " + images.width()
                        + " images but " + imageFiles.getFirst() + " holds " + parts.getFirst().height() + " x "
                        + parts.getFirst().width() + "; splits of one data set share a size");
            }
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (!labelNames.isEmpty() && label >= labelNames.size()) {
                    throw new IOException(labelFiles.get(f) + " byte offset " + (8 + i) + ": label " + label
                            + " is not one of the " + labelNames.size() + " classes of " + name + " (0.."
                            + (labelNames.size() - 1) + ")");
                }
            }
            parts.add(images);
            labelParts.add(labels);
            rows += images.count();
        }
        int cols = parts.getFirst().pixelsPerImage();
        if (rows * cols > MAX_ARRAY) {
            throw new IOException(imageFiles + " hold " + rows + " x " + cols + " pixels together, more than one "
                    + "Java array holds; load one split at a time");
        }
        int[] y = new int[(int) rows];
        int at = 0;
        for (byte[] part : labelParts) {
            for (byte b : part) {
                y[at++] = b & 0xFF;
            }
        }
        List<String> features = new ArrayList<>(cols);
        for (int j = 0; j < cols; j++) {
            features.add("pixel" + j);
        }
        return new Dataset(name, DataMatrix.wrapFloat(toFloats(parts), (int) rows, cols), y, features, labelNames);
    }

    /** Widens the unsigned bytes of every part into one row-major float array, in order. */
    private static float[] toFloats(List<Images> parts) {
        long total = 0;
        for (Images p : parts) {
            total += p.pixels().length;
        }
        float[] px = new float[(int) total];
        int at = 0;
        for (Images p : parts) {
            byte[] b = p.pixels();
            for (int i = 0; i < b.length; i++) {
                px[at + i] = b[i] & 0xFF;
            }
            at += b.length;
        }
        return px;
    }

    private static Images images(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] header = readHeader(in, file, 16, IMAGES_MAGIC, "images, 3 dimensions); is this a labels file");
            int n = positive(intAt(header, 4), file, 4, "image count");
            int height = positive(intAt(header, 8), file, 8, "row count");
            int width = positive(intAt(header, 12), file, 12, "column count");
            long need = (long) n * height * width;
            if ((long) height * width > MAX_ARRAY || need > MAX_ARRAY) {
                throw new IOException(file + ": the header promises " + n + " images of " + height + " x " + width
                        + " = " + need + " pixels, more than one Java array holds; is the header corrupt?");
            }
            byte[] pixels = readBody(in, file, 16, (int) need,
                    n + " images of " + height + " x " + width + " pixels");
            return new Images(pixels, n, height, width);
        }
    }

    private static byte[] labelBytes(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] header = readHeader(in, file, 8, LABELS_MAGIC, "labels, 1 dimension); is this an images file");
            int n = positive(intAt(header, 4), file, 4, "label count");
            return readBody(in, file, 8, n, n + " labels");
        }
    }

    /** Reads and checks the magic number, then the rest of the header (the magic first, so a wrong file says so). */
    private static byte[] readHeader(InputStream in, Path file, int length, int magic, String kind) throws IOException {
        byte[] header = readFully(in, file, length);
        if (header.length >= 4 && intAt(header, 0) != magic) {
            throw new IOException(file + " byte offset 0: magic number 0x" + Integer.toHexString(intAt(header, 0))
                    + " is not 0x" + String.format("%08x", magic) + " (IDX unsigned-byte " + kind
                    + ", or not IDX at all?");
        }
        if (header.length < length) {
            int offset = header.length / 4 * 4;
            throw new IOException(file + " is truncated at byte " + header.length + ": expected a " + length
                    + "-byte IDX header (the 4-byte field at byte offset " + offset + " is incomplete)");
        }
        return header;
    }

    /**
     * Reads exactly {@code length} bytes after the header. {@link InputStream#readNBytes(int)} grows its
     * buffer with the data actually read, so a header that promises more than the file holds costs
     * only the file's size before it is refused.
     */
    private static byte[] readBody(InputStream in, Path file, int headerLength, int length, String promised)
            throws IOException {
        byte[] body = readFully(in, file, length);
        if (body.length < length) {
            throw new IOException(file + " is truncated at byte " + (headerLength + body.length) + ": the header "
                    + "promises " + promised + ", which end at byte " + ((long) headerLength + length));
        }
        if (readFully(in, file, 1).length > 0) {
            throw new IOException(file + " has more bytes after byte " + ((long) headerLength + length) + ", where the "
                    + promised + " the header promises end; the header and the data disagree");
        }
        return body;
    }

    /** Reads up to {@code length} bytes, naming the file when a compressed stream is corrupt. */
    private static byte[] readFully(InputStream in, Path file, int length) throws IOException {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new IOException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static int positive(int value, Path file, int offset, String what) throws IOException {
        if (value < 1) {
            throw new IOException(file + " byte offset " + offset + ": " + what + " " + value
                    + " is not positive; an IDX file holds at least one item of at least one pixel");
        }
        return value;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int a = raw.read();
        int c = raw.read();
        raw.reset();
        if (a == 0x1f && c == 0x8b) {
            try {
                return new GZIPInputStream(raw, 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new IOException(file + ": corrupt gzip header (" + e.getMessage() + ")", e);
            }
        }
        return raw;
    }

    private static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }
}
