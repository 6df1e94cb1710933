package dev.gmm.imaging.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Writes small MNIST IDX and CIFAR-10 binary files from generated images, so tests need no download. */
final class ImageFiles {

    private ImageFiles() {
    }

    /** {@code n} generated 28x28 digits (digit i % 10) as t10k-images/labels IDX .gz files in {@code dir}. */
    static void writeMnist(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        writeInts(images, 0x00000803, n, 28, 28);
        writeInts(labels, 0x00000801, n);
        for (int i = 0; i < n; i++) {
            int[] argb = SegmentDigitsExperiment.digitImage(i % 10, rnd, new boolean[28 * 28]);
            for (int p : argb) {
                images.write(p & 0xff);
            }
            labels.write(i % 10);
        }
        gzip(dir.resolve("t10k-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    /** CIFAR-10 binary records (label, 1024 R, 1024 G, 1024 B) of the given 32x32 ARGB images. */
    static byte[] cifarRecords(List<int[]> images, int[] labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < images.size(); i++) {
            out.write(labels[i]);
            for (int shift = 16; shift >= 0; shift -= 8) {
                for (int p : images.get(i)) {
                    out.write((p >> shift) & 0xff);
                }
            }
        }
        return out.toByteArray();
    }

    private static void writeInts(OutputStream out, int... values) throws IOException {
        for (int v : values) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
