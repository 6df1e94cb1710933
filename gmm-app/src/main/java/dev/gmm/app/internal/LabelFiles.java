package dev.gmm.app.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label files for {@code gmm evaluate}: one label per line, any values ({@code 0}, {@code 2.0},
 * {@code setosa}), as scikit-learn's metrics take any hashable labels. Each distinct label becomes
 * one integer, in order of first appearance; the clustering metrics do not depend on which integer
 * a label gets, only on which rows share one. Numbers are compared as numbers, so {@code 1} and
 * {@code 1.0} are one label. Blank lines are skipped.
 */
public final class LabelFiles {
    private LabelFiles() {
    }

    /** The labels of {@code file} (given by {@code flag}) as integers, or null when no file is given. */
    public static int[] read(Path file, String flag) throws IOException {
        if (file == null) {
            return null;
        }
        FileChecks.requireInputFile(file, flag);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(flag + " " + file + " is not UTF-8 text; expected one label per line", e);
        }
        return encode(lines, flag + " " + file);
    }

    /** Distinct labels to 0, 1, 2, ... in order of first appearance. */
    static int[] encode(List<String> lines, String where) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] out = new int[lines.size()];
        int n = 0;
        for (String line : lines) {
            String label = canonical(line.strip());
            if (!label.isEmpty()) {
                out[n++] = codes.computeIfAbsent(label, l -> codes.size());
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(where + " has no labels; expected one label per line");
        }
        return Arrays.copyOf(out, n);
    }

    /** A number's value as text (so "1" and "1.0" match); anything else as written, without quotes. */
    private static String canonical(String label) {
        String unquoted = label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")
                ? label.substring(1, label.length() - 1) : label;
        if (unquoted.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.toString(Double.parseDouble(unquoted) + 0.0);
        }
        return unquoted;
    }
}
