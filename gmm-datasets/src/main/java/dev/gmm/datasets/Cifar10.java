package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.Dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private Cifar10() {
    }

    /**
     * Reads one {@code .bin} batch file, or a folder: every {@code data_batch_N.bin} in it (in order),
     * or {@code test_batch.bin} when there are none; label names from {@code batches.meta.txt} if present.
     */
    public static Dataset read(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        Path folder = path;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().matches("data_batch_\\d+\\.bin")).sorted().forEach(files::add);
            }
            if (files.isEmpty() && Files.exists(path.resolve("test_batch.bin"))) {
                files.add(path.resolve("test_batch.bin"));
            }
            if (files.isEmpty() && hasLabelsCsv(path)) {
                return readPngFolder(path);
            }
            if (files.isEmpty()) {
                throw new IOException(path + " holds no data_batch_N.bin or test_batch.bin: give the folder of the "
                        + "CIFAR-10 binary version (cifar-10-batches-bin) or one .bin file");
            }
        } else {
            files.add(path);
            folder = path.toAbsolutePath().getParent();
        }
        List<byte[]> contents = new ArrayList<>();
        int n = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            if (b.length == 0 || b.length % RECORD != 0) {
                throw new IOException(f + " has " + b.length + " bytes, not a whole number of " + RECORD
                        + "-byte records: the file is truncated or not a CIFAR-10 binary batch (last record starts "
                        + "at byte offset " + (b.length / RECORD) * (long) RECORD + ")");
            }
            contents.add(b);
            n += b.length / RECORD;
        }
        float[] px = new float[n * 3072];
        int[] labels = new int[n];
        int row = 0;
        for (int fi = 0; fi < contents.size(); fi++) {
            byte[] b = contents.get(fi);
            for (int r = 0; r < b.length / RECORD; r++, row++) {
                int label = b[r * RECORD] & 0xFF;
                if (label > 9) {
                    throw new IOException(files.get(fi) + " byte offset " + (long) r * RECORD + ": label " + label
                            + " is not a CIFAR-10 class 0..9");
                }
                labels[row] = label;
                for (int j = 0; j < 3072; j++) {
                    px[row * 3072 + j] = b[r * RECORD + 1 + j] & 0xFF;
                }
            }
        }
        List<String> names = CLASSES;
        Path meta = folder == null ? null : folder.resolve("batches.meta.txt");
        if (meta != null && Files.exists(meta)) {
            List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.size() != 10) {
                throw new IOException(meta + " has " + lines.size() + " class names; expected 10, one per line");
            }
            names = lines;
        }
        List<String> features = new ArrayList<>(3072);
        for (String ch : List.of("r", "g", "b")) {
            for (int i = 0; i < 1024; i++) {
                features.add(ch + i);
            }
        }
        return new Dataset("cifar10", DataMatrix.wrapFloat(px, n, 3072), labels, features, names);
    }

    private static boolean hasLabelsCsv(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"));
        }
    }

    /**
     * A folder of 32 × 32 RGB PNG images with a labels CSV in it ({@code name.png,class} per line, an
     * optional {@code id,label} header), rows in the CSV's order, in the binary layout's channel-major order.
     */
    public static Dataset readPngFolder(Path folder) throws IOException {
        Path csv;
        try (Stream<Path> s = Files.list(folder)) {
            csv = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().findFirst()
                    .orElseThrow(() -> new IOException(folder + " holds no labels CSV (lines of name.png,class)"));
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String[]> entries = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("id,"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new IOException(csv + " line " + (i + 1) + ": expected 2 cells (image, class), found " + cells.length);
            }
            entries.add(cells);
            lineNumbers.add(i + 1);
        }
        if (entries.isEmpty()) {
            throw new IOException(csv + " is empty: expected lines of name.png,class");
        }
        int n = entries.size();
        float[] px = new float[n * 3072];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            String[] e = entries.get(r);
            String file = e[0].strip().endsWith(".png") ? e[0].strip() : e[0].strip() + ".png";
            labels[r] = CLASSES.indexOf(e[1].strip());
            if (labels[r] < 0) {
                throw new IOException(csv + " line " + lineNumbers.get(r) + ": class \"" + e[1] + "\" is not one of " + CLASSES);
            }
            Path img = folder.resolve(file);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(img.toFile());
            if (image == null) {
                throw new IOException(img + " (" + csv + " line " + lineNumbers.get(r) + ") is missing or not a readable image");
            }
            if (image.getWidth() != 32 || image.getHeight() != 32) {
                throw new IOException(img + " is " + image.getWidth() + " x " + image.getHeight() + "; CIFAR-10 images are 32 x 32");
            }
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int rgb = image.getRGB(x, y);
                    int o = r * 3072 + y * 32 + x;
                    px[o] = (rgb >> 16) & 0xFF;
                    px[o + 1024] = (rgb >> 8) & 0xFF;
                    px[o + 2048] = rgb & 0xFF;
                }
            }
        }
        List<String> features = new ArrayList<>(3072);
        for (String ch : List.of("r", "g", "b")) {
            for (int i = 0; i < 1024; i++) {
                features.add(ch + i);
            }
        }
        return new Dataset("cifar10", DataMatrix.wrapFloat(px, n, 3072), labels, features, CLASSES);
    }
}
