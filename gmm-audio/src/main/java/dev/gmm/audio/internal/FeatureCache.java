package dev.gmm.audio.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Per-folder feature cache: a CSV under the work directory whose name is a hash of the extractor,
 * the folder's absolute path and its file list (names, sizes, modification times), so any change
 * to the folder makes a new cache and a rerun on the same folder skips extraction.
 */
final class FeatureCache {

    /** What the cache holds: features of the files that worked, and the files skipped with why. */
    record Entry(List<String> files, List<double[]> rows, List<String[]> skipped) {
    }

    private FeatureCache() {
    }

    static Path location(Path workDir, String extractor, Path folder, List<Path> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((extractor + "\n" + folder.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                md.update((folder.relativize(f) + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(md.digest()).substring(0, 16);
            return workDir.resolve("audio-emotions-" + extractor + "-" + key + ".csv");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static Optional<Entry> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String[]> skipped = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) { // line 0: header
            String line = lines.get(i);
            if (line.startsWith("#skipped\t")) {
                String[] p = line.split("\t", 3);
                skipped.add(new String[] {p[1], p.length > 2 ? p[2] : ""});
                continue;
            }
            String[] p = line.split(",");
            double[] v = new double[p.length - 1];
            try {
                for (int c = 1; c < p.length; c++) v[c - 1] = Double.parseDouble(p[c]);
            } catch (NumberFormatException e) {
                throw new IOException("feature cache " + csv + " line " + (i + 1) + " is corrupt (" + e.getMessage()
                        + "); delete the file to re-extract", e);
            }
            files.add(p[0]);
            rows.add(v);
        }
        return Optional.of(new Entry(files, rows, skipped));
    }

    static void write(Path csv, List<String> featureNames, Entry entry) throws IOException {
        StringBuilder sb = new StringBuilder("file,").append(String.join(",", featureNames)).append('\n');
        for (int i = 0; i < entry.files().size(); i++) {
            sb.append(entry.files().get(i));
            for (double v : entry.rows().get(i)) sb.append(',').append(v);
            sb.append('\n');
        }
        for (String[] s : entry.skipped()) {
            sb.append("#skipped\t").append(s[0]).append('\t').append(s[1].replace('\n', ' ')).append('\n');
        }
        Files.createDirectories(csv.getParent());
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
