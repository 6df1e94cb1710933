package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What the fuzz tests (run with the {@code fuzz} profile) and their regression tests (in the default
 * build) check for one input: the reader returns a well-formed data set or refuses the input with an
 * {@link IOException} or {@link IllegalArgumentException} that says something. Any other exception
 * propagates and is a finding.
 */
final class FuzzTargets {
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private FuzzTargets() {
    }

    /** IDX images file, raw or gzipped. */
    static void idxImages(Path dir, byte[] content, boolean gzip) {
        Path file = write(dir.resolve("images-idx3-ubyte" + (gzip ? ".gz" : "")), gzip ? gzip(content) : content);
        expectDataOrRefusal(() -> {
            DataMatrix m = Idx.readImages(file);
            requirePixels(m);
            return m;
        });
    }

    /** A pair of IDX files: images and labels of one split, labels named 0..9. */
    static void idxPair(Path dir, byte[] images, byte[] labels) {
        Path i = write(dir.resolve("t10k-images-idx3-ubyte"), images);
        Path l = write(dir.resolve("t10k-labels-idx1-ubyte"), labels);
        expectDataOrRefusal(() -> {
            Dataset d = Idx.read("mnist", i, l, DIGITS);
            requirePixels(d.data());
            for (int label : d.labels()) {
                check(label >= 0 && label < 10, "label " + label + " outside 0..9 was accepted");
            }
            return d;
        });
    }

    /** One CIFAR-10 binary batch, with a batches.meta.txt when {@code meta} is not null. */
    static void cifarBatch(Path dir, byte[] batch, String meta) {
        Path file = write(dir.resolve("data_batch_1.bin"), batch);
        Path metaFile = dir.resolve("batches.meta.txt");
        if (meta == null) {
            deleteIfExists(metaFile);
        } else {
            write(metaFile, meta.getBytes(StandardCharsets.UTF_8));
        }
        expectDataOrRefusal(() -> {
            Dataset d = Cifar10.read(file);
            requirePixels(d.data());
            check(d.data().cols() == 3072, "CIFAR-10 rows have " + d.data().cols() + " values");
            check(d.labelNames().size() == 10, d.labelNames().size() + " class names");
            for (int label : d.labels()) {
                check(label >= 0 && label < 10, "label " + label + " outside 0..9 was accepted");
            }
            return d;
        });
    }

    /** An .npy file, read onto the heap and mapped: the same values, or the same refusal. */
    static void npy(Path dir, byte[] content) {
        Path file = write(dir.resolve("fuzz.npy"), content);
        expectDataOrRefusal(() -> {
            DataMatrix read = Npy.read(file);
            check(read.rows() >= 1 && read.cols() >= 1, "an empty matrix was returned");
            check((long) read.rows() * read.cols() * (read.isFloat32() ? 4 : 8) < content.length,
                    "more values than bytes in the file");
            try (MappedNpy mapped = Npy.map(file)) {
                DataMatrix m = mapped.data();
                check(m.rows() == read.rows() && m.cols() == read.cols(), "mapped and read shapes differ");
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        check(Double.compare(m.get(i, j), read.get(i, j)) == 0, "mapped and read values differ");
                    }
                }
            }
            return read;
        });
    }

    /** A CSV file read with the given options. */
    static void csv(Path dir, byte[] content, CsvOptions options) {
        Path file = write(dir.resolve("fuzz.csv"), content);
        expectDataOrRefusal(() -> {
            Dataset d = Csv.read(file, options);
            for (double v : d.data().values()) {
                check(Double.isFinite(v), "a CSV read gave " + v);
            }
            check(d.featureNames().size() == d.data().cols(), "feature names do not match the columns");
            return d;
        });
    }

    private interface Read {
        Object run() throws IOException;
    }

    private static void expectDataOrRefusal(Read read) {
        try {
            read.run();
        } catch (IOException | IllegalArgumentException e) {
            check(e.getMessage() != null && !e.getMessage().isBlank(), "refused without a message: " + e);
        }
    }

    private static void requirePixels(DataMatrix m) {
        check(m.rows() >= 1 && m.cols() >= 1, "an empty matrix was returned");
        for (float v : m.floatValues()) {
            check(v >= 0 && v <= 255 && v == Math.rint(v), "pixel value " + v + " is not a byte");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
