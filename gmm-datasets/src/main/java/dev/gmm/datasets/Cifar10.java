package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CIFAR-10's binary batch layout: records of one label byte then 3,072 pixel bytes (1,024 red, then
 * green, then blue, each row-major 32 × 32). Rows keep that channel-major order; values are 0..255.
 */
public final class Cifar10 {
    /** Bytes per record. */
    public static final int RECORD = 1 + 3072;
    /** The class names when no {@code batches.meta.txt} is present. */
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    static final int PIXELS = 3072;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final Pattern DATA_BATCH = Pattern.compile("data_batch_(\\d+)\\.bin");
    /** r0..r1023, g0..g1023, b0..b1023: channel, then row-major pixel index. */
    private static final List<String> FEATURES = featureNames();

    private Cifar10() {
    }

    /**
     * Reads a folder or one file. A folder's {@code .bin} files are read together, in the order
     * {@code data_batch_1..N} (numerically), {@code test_batch.bin}, then any other {@code .bin} by name
     * — the whole of CIFAR-10 is 60,000 rows; point at one file for one batch. A folder without
     * {@code .bin} files but with a labels CSV, or a {@code .csv} file, is read as PNG images
     * ({@link #readPngFolder}). Class names come from {@code batches.meta.txt} beside the batches if present.
     *
     * @throws IOException when a file is truncated, holds a label outside 0..9 or the folder holds no
     *                     batch, naming the file and the byte offset
     */
    public static Dataset read(Path path) throws IOException {
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".csv")) {
            return readPngFolder(path.toAbsolutePath().getParent(), path);
        }
        List<Path> files = new ArrayList<>();
        Path folder = path;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".bin"))
                        .sorted(Comparator.comparing(Cifar10::batchOrder).thenComparing(p -> p.getFileName().toString()))
                        .forEach(files::add);
            }
            if (files.isEmpty() && hasLabelsCsv(path)) {
                return readPngFolder(path);
            }
            if (files.isEmpty()) {
                throw new IOException(path + " holds no .bin batch (data_batch_N.bin, test_batch.bin) and no labels CSV: "
                        + "give the folder of the CIFAR-10 binary version (cifar-10-batches-bin), one .bin file, or a "
                        + "folder of PNG images with a labels CSV");
            }
        } else {
            files.add(path);
            folder = path.toAbsolutePath().getParent();
        }
        List<byte[]> contents = new ArrayList<>();
        long n = 0;
        for (Path f : files) {
            long size = Files.size(f);
            if (size == 0 || size % RECORD != 0) {
                throw new IOException(f + " has " + size + " bytes, not a whole number of " + RECORD + "-byte records "
                        + "(1 label byte, 3,072 pixel bytes): the record at byte offset " + size / RECORD * RECORD
                        + " is incomplete, so the file is truncated or not a CIFAR-10 binary batch");
            }
            n += size / RECORD;
            if (n * PIXELS > MAX_ARRAY) {
                throw new IOException(files + " hold more than " + MAX_ARRAY / PIXELS + " images, more than one "
                        + "Java array holds; read fewer batches at a time");
            }
            contents.add(Files.readAllBytes(f));
        }
        float[] px = new float[(int) n * PIXELS];
        int[] labels = new int[(int) n];
        int row = 0;
        for (int fi = 0; fi < contents.size(); fi++) {
            byte[] b = contents.get(fi);
            if (b.length % RECORD != 0) {
                throw new IOException(files.get(fi) + " changed while it was read; read it again");
            }
            for (int r = 0; r < b.length / RECORD; r++, row++) {
                int at = r * RECORD;
                int label = b[at] & 0xFF;
                if (label > 9) {
                    throw new IOException(files.get(fi) + " byte offset " + at + ": label " + label
                            + " is not a CIFAR-10 class 0..9 (each record is 1 label byte, then 3,072 pixel bytes)");
                }
                labels[row] = label;
                int out = row * PIXELS;
                for (int j = 0; j < PIXELS; j++) {
                    px[out + j] = b[at + 1 + j] & 0xFF;
                }
            }
        }
        return new Dataset("cifar10", DataMatrix.wrapFloat(px, (int) n, PIXELS), labels, FEATURES,
                classNames(folder));
    }

    /** data_batch_N sorts by N, then test_batch, then everything else. */
    private static long batchOrder(Path p) {
        String name = p.getFileName().toString();
        Matcher m = DATA_BATCH.matcher(name);
        if (m.matches()) {
            return m.group(1).length() > 9 ? Integer.MAX_VALUE : Long.parseLong(m.group(1));
        }
        return name.equals("test_batch.bin") ? Integer.MAX_VALUE + 1L : Integer.MAX_VALUE + 2L;
    }

    private static List<String> classNames(Path folder) throws IOException {
        Path meta = folder == null ? null : folder.resolve("batches.meta.txt");
        if (meta == null || !Files.isRegularFile(meta)) {
            return CLASSES;
        }
        List<String> lines = Csv.lines(meta).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() != 10) {
            throw new IOException(meta + " has " + lines.size() + " class names; expected 10, one per line");
        }
        return lines;
    }

    private static boolean hasLabelsCsv(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"));
        }
    }

    /**
     * A folder of 32 × 32 RGB PNG images with a labels CSV in it (the first {@code .csv} by name), as
     * Kaggle's CIFAR-10 {@code trainLabels.csv}: lines {@code image,class} where the image is a file
     * name (".png" added when missing) and the class a name of {@link #CLASSES} or its index 0..9; an
     * optional header line ({@code id,label}). Rows follow the CSV's order, pixels the binary layout's
     * channel-major order.
     */
    public static Dataset readPngFolder(Path folder) throws IOException {
        Path csv;
        try (Stream<Path> s = Files.list(folder)) {
            csv = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().findFirst()
                    .orElseThrow(() -> new IOException(folder + " holds no labels CSV (lines of name.png,class)"));
        }
        return readPngFolder(folder, csv);
    }

    /** PNG images in {@code folder} listed by the labels CSV {@code csv} (see {@link #readPngFolder(Path)}). */
    public static Dataset readPngFolder(Path folder, Path csv) throws IOException {
        return CifarPngFolder.read(folder, csv, FEATURES);
    }

    private static List<String> featureNames() {
        List<String> features = new ArrayList<>(PIXELS);
        for (String ch : List.of("r", "g", "b")) {
            for (int i = 0; i < 1024; i++) {
                features.add(ch + i);
            }
        }
        return List.copyOf(features);
    }
}
