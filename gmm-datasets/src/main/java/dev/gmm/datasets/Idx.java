package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.BufferedInputStream;
import java.io.Closeable;
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

    /** Reads an images file (magic 0x00000803): one row per image, height × width pixel columns. */
    public static DataMatrix readImages(Path file) throws IOException {
        try (ImagesFile images = ImagesFile.open(file)) {
            float[] px = new float[images.pixels()];
            images.readInto(px, 0);
            return DataMatrix.wrapFloat(px, images.count, images.pixelsPerImage());
        }
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
            if (image == null) {
                image = firstExisting(folder, split + "-images.idx3-ubyte"); // the spelling of some mirrors
            }
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
     * by {@code labels-idx1} (or {@code images.idx3} by {@code labels.idx1}), with or without {@code .gz}.
     */
    public static Path labelsBeside(Path images) throws IOException {
        String stem = images.getFileName().toString().replaceFirst("\\.gz$", "");
        String labelsStem = stem.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1");
        if (labelsStem.equals(stem)) {
            throw new IOException(images + ": cannot tell its labels file; name it *-images-idx3-ubyte[.gz] beside a "
                    + "*-labels-idx1-ubyte[.gz]");
        }
        Path labels = firstExisting(images.toAbsolutePath().getParent(), labelsStem);
        if (labels == null) {
            throw new IOException("no labels file beside " + images + ": expected "
                    + images.resolveSibling(labelsStem) + "[.gz]");
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
        List<ImagesFile> parts = new ArrayList<>();
        try {
            List<byte[]> labelParts = new ArrayList<>();
            long rows = 0;
            for (int f = 0; f < imageFiles.size(); f++) {
                ImagesFile images = ImagesFile.open(imageFiles.get(f));
                parts.add(images);
                byte[] labels = labelBytes(labelFiles.get(f));
                if (labels.length != images.count) {
                    throw new IOException(imageFiles.get(f) + " has " + images.count + " images but " + labelFiles.get(f)
                            + " has " + labels.length + " labels; pair files of the same split");
                }
                ImagesFile first = parts.getFirst();
                if (images.pixelsPerImage() != first.pixelsPerImage()) {
                    throw new IOException(images.file + " holds " + images.height + " x " + images.width + " images but "
                            + first.file + " holds " + first.height + " x " + first.width
                            + "; splits of one data set share a size");
                }
                requireNamedLabels(labels, labelFiles.get(f), name, labelNames);
                labelParts.add(labels);
                rows += images.count;
            }
            int cols = parts.getFirst().pixelsPerImage();
            if (rows * cols > MAX_ARRAY) {
                throw new IOException(imageFiles + " hold " + rows + " x " + cols + " pixels together, more than one "
                        + "Java array holds; load one split at a time");
            }
            // One array for every split: the pixels stream into it, with no intermediate copy.
            float[] px = new float[(int) (rows * cols)];
            int[] y = new int[(int) rows];
            int at = 0;
            for (int f = 0; f < parts.size(); f++) {
                parts.get(f).readInto(px, at * cols);
                for (byte b : labelParts.get(f)) {
                    y[at++] = b & 0xFF;
                }
            }
            List<String> features = new ArrayList<>(cols);
            for (int j = 0; j < cols; j++) {
                features.add("pixel" + j);
            }
            return new Dataset(name, DataMatrix.wrapFloat(px, (int) rows, cols), y, features, labelNames);
        } finally {
            for (ImagesFile part : parts) {
                part.close();
            }
        }
    }

    private static void requireNamedLabels(byte[] labels, Path file, String name, List<String> labelNames)
            throws IOException {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (!labelNames.isEmpty() && label >= labelNames.size()) {
                throw new IOException(file + " byte offset " + (8 + i) + ": label " + label + " is not one of the "
                        + labelNames.size() + " classes of " + name + " (0.." + (labelNames.size() - 1) + ")");
            }
        }
    }

    /**
     * An open images file whose header has been read and checked: {@link #readInto} streams its pixels
     * straight into a float array (through a small buffer: no byte copy of the whole file).
     */
    private static final class ImagesFile implements Closeable {
        final Path file;
        final int count;
        final int height;
        final int width;
        private final InputStream in;

        private ImagesFile(Path file, InputStream in, int count, int height, int width) {
            this.file = file;
            this.in = in;
            this.count = count;
            this.height = height;
            this.width = width;
        }

        static ImagesFile open(Path file) throws IOException {
            Source source = Source.open(file);
            try {
                byte[] header = readHeader(source, 16, IMAGES_MAGIC, "images, 3 dimensions); is this a labels file");
                int n = positive(intAt(header, 4), file, 4, "image count");
                int height = positive(intAt(header, 8), file, 8, "row count");
                int width = positive(intAt(header, 12), file, 12, "column count");
                long need = (long) n * height * width;
                if ((long) height * width > MAX_ARRAY || need > MAX_ARRAY) {
                    throw new IOException(file + ": the header promises " + n + " images of " + height + " x " + width
                            + " = " + need + " pixels, more than one Java array holds; is the header corrupt?");
                }
                source.requireRoom(16, need, n + " images of " + height + " x " + width + " pixels");
                return new ImagesFile(file, source.in, n, height, width);
            } catch (IOException | RuntimeException e) {
                source.in.close();
                throw e;
            }
        }

        int pixelsPerImage() {
            return height * width;
        }

        int pixels() {
            return count * pixelsPerImage();
        }

        void readInto(float[] dest, int offset) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int total = pixels();
            int done = 0;
            while (done < total) {
                int r = read(in, file, buffer, Math.min(buffer.length, total - done));
                if (r < 0) {
                    throw new IOException(file + " is truncated at byte " + (16L + done) + ": the header promises "
                            + count + " images of " + height + " x " + width + " pixels, which end at byte "
                            + (16L + total));
                }
                for (int i = 0; i < r; i++) {
                    dest[offset + done + i] = buffer[i] & 0xFF;
                }
                done += r;
            }
            requireEnd(in, file, 16L + total, count + " images");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static byte[] labelBytes(Path file) throws IOException {
        Source source = Source.open(file);
        try (InputStream in = source.in) {
            byte[] header = readHeader(source, 8, LABELS_MAGIC, "labels, 1 dimension); is this an images file");
            int n = positive(intAt(header, 4), file, 4, "label count");
            source.requireRoom(8, n, n + " labels");
            byte[] labels = new byte[n];
            int done = 0;
            while (done < n) {
                int r = read(in, file, labels, done, n - done);
                if (r < 0) {
                    throw new IOException(file + " is truncated at byte " + (8L + done) + ": the header promises " + n
                            + " labels, which end at byte " + (8L + n));
                }
                done += r;
            }
            requireEnd(in, file, 8L + n, n + " labels");
            return labels;
        }
    }

    /** Reads and checks the magic number, then the rest of the header (the magic first, so a wrong file says so). */
    private static byte[] readHeader(Source source, int length, int magic, String kind) throws IOException {
        byte[] header = new byte[length];
        int done = 0;
        while (done < length) {
            int r = read(source.in, source.file, header, done, length - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        if (done >= 4 && intAt(header, 0) != magic) {
            throw new IOException(source.file + " byte offset 0: magic number 0x" + Integer.toHexString(intAt(header, 0))
                    + " is not 0x" + String.format("%08x", magic) + " (IDX unsigned-byte " + kind
                    + ", or not IDX at all?");
        }
        if (done < length) {
            throw new IOException(source.file + " is truncated at byte " + done + ": expected a " + length
                    + "-byte IDX header (the 4-byte field at byte offset " + done / 4 * 4 + " is incomplete)");
        }
        return header;
    }

    private static void requireEnd(InputStream in, Path file, long end, String promised) throws IOException {
        if (read(in, file, new byte[1], 1) > 0) {
            throw new IOException(file + " has more bytes after byte " + end + ", where the " + promised
                    + " the header promises end; the header and the data disagree");
        }
    }

    private static int read(InputStream in, Path file, byte[] into, int length) throws IOException {
        return read(in, file, into, 0, length);
    }

    /** One read, naming the file when a compressed stream turns out corrupt or cut short. */
    private static int read(InputStream in, Path file, byte[] into, int offset, int length) throws IOException {
        try {
            return in.read(into, offset, length);
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

    /**
     * A file opened for reading, decompressed when it starts with the gzip magic, with what its size
     * allows: a raw file holds exactly its bytes; DEFLATE expands at most about 1032 to 1, so a
     * gzipped file cannot hold more than that many times its size. A header promising more is refused
     * before anything is allocated for it.
     */
    private record Source(Path file, InputStream in, long fileSize, boolean gzip) {
        private static final long MAX_INFLATION = 1032;

        static Source open(Path file) throws IOException {
            long size = Files.size(file);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            int a = raw.read();
            int c = raw.read();
            raw.reset();
            if (a == 0x1f && c == 0x8b) {
                try {
                    return new Source(file, new GZIPInputStream(raw, 1 << 16), size, true);
                } catch (IOException | RuntimeException e) {
                    raw.close();
                    throw new IOException(file + ": corrupt gzip header (" + e.getMessage() + ")", e);
                }
            }
            return new Source(file, raw, size, false);
        }

        void requireRoom(int headerLength, long need, String promised) throws IOException {
            if (!gzip && headerLength + need > fileSize) {
                throw new IOException(file + " is truncated: the header promises " + promised + ", which end at byte "
                        + (headerLength + need) + ", but the file has " + fileSize + " bytes");
            }
            if (gzip && headerLength + need > MAX_INFLATION * fileSize) {
                throw new IOException(file + " is truncated or its header corrupt: the header promises " + promised
                        + " (" + (headerLength + need) + " bytes), more than a gzip file of " + fileSize
                        + " bytes can expand to");
            }
        }
    }

    private static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }
}
