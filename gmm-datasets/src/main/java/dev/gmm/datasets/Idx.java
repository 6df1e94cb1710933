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
 */
public final class Idx {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /** Reads an images file (magic 0x00000803): one row per image, height × width pixel columns. */
    public static DataMatrix readImages(Path file) throws IOException {
        byte[] b = bytes(file);
        int magic = header(b, 0, file, "magic number");
        if (magic != IMAGES_MAGIC) {
            throw new IOException(file + " byte 0: magic number 0x" + Integer.toHexString(magic)
                    + " is not 0x00000803 (IDX unsigned-byte images); is this a labels file or not IDX?");
        }
        int n = header(b, 4, file, "image count");
        int rows = header(b, 8, file, "row count");
        int cols = header(b, 12, file, "column count");
        long need = 16L + (long) n * rows * cols;
        if (n < 0 || rows < 0 || cols < 0 || b.length < need) {
            throw new IOException(file + " is truncated: the header promises " + n + " images of " + rows + " x "
                    + cols + " (" + need + " bytes) but the file has " + b.length + " bytes");
        }
        int d = rows * cols;
        float[] px = new float[n * d];
        for (int i = 0; i < px.length; i++) {
            px[i] = b[16 + i] & 0xFF;
        }
        return DataMatrix.wrapFloat(px, n, d);
    }

    /** Reads a labels file (magic 0x00000801). */
    public static int[] readLabels(Path file) throws IOException {
        byte[] b = bytes(file);
        int magic = header(b, 0, file, "magic number");
        if (magic != LABELS_MAGIC) {
            throw new IOException(file + " byte 0: magic number 0x" + Integer.toHexString(magic)
                    + " is not 0x00000801 (IDX unsigned-byte labels)");
        }
        int n = header(b, 4, file, "label count");
        if (n < 0 || b.length < 8L + n) {
            throw new IOException(file + " is truncated: the header promises " + n + " labels but the file has "
                    + (b.length - 8) + " bytes after the header");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = b[8 + i] & 0xFF;
        }
        return labels;
    }

    /**
     * Images with their labels.
     *
     * @throws IOException when the counts disagree, naming both files
     */
    public static Dataset read(String name, Path images, Path labels, List<String> labelNames) throws IOException {
        DataMatrix x = readImages(images);
        int[] y = readLabels(labels);
        if (y.length != x.rows()) {
            throw new IOException(images + " has " + x.rows() + " images but " + labels + " has " + y.length
                    + " labels; pair files of the same split");
        }
        List<String> features = new ArrayList<>(x.cols());
        for (int j = 0; j < x.cols(); j++) {
            features.add("pixel" + j);
        }
        return new Dataset(name, x, y, features, labelNames);
    }

    private static byte[] bytes(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
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
                throw new IOException(file + ": corrupt gzip header: " + e.getMessage(), e);
            }
        }
        return raw;
    }

    private static int header(byte[] b, int offset, Path file, String what) throws IOException {
        if (b.length < offset + 4) {
            throw new IOException(file + " is truncated at byte " + b.length + ": expected the 4-byte " + what
                    + " at byte offset " + offset);
        }
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }
}
