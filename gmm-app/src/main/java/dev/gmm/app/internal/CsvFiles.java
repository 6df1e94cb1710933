package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric CSV in and out. The first line is a header when any of its fields is not a number;
 * every other line must hold the same number of numeric fields.
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** A numeric table read from a CSV file. */
    public record Table(List<String> header, double[] values, int rows, int cols) {
        /** The table as a data matrix (float32 storage when asked). */
        public DataMatrix toMatrix(boolean float32) {
            if (!float32) {
                return DataMatrix.wrap(values, rows, cols);
            }
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return DataMatrix.wrapFloat(f, rows, cols);
        }
    }

    /**
     * Reads a numeric CSV file.
     *
     * @throws IOException naming the file, and the line and field when a value is not a number
     */
    public static Table read(Path file) throws IOException {
        List<String> lines = readLines(file);
        List<String> header = List.of();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first < lines.size() && !allNumeric(split(lines.get(first)))) {
            header = List.of(split(lines.get(first)));
            first++;
        }
        int cols = -1;
        int rows = 0;
        double[] values = new double[1024];
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line);
            if (cols < 0) {
                cols = fields.length;
            } else if (fields.length != cols) {
                throw new IOException(file + " line " + (i + 1) + ": " + fields.length + " fields but earlier lines have "
                        + cols + "; every row needs the same number of columns");
            }
            if ((long) (rows + 1) * cols > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, (rows + 1) * cols));
            }
            for (int c = 0; c < cols; c++) {
                try {
                    values[rows * cols + c] = Double.parseDouble(fields[c].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 1) + " field " + (c + 1) + ": '" + fields[c].trim()
                            + "' is not a number; the CSV must be numeric (a header line is allowed)");
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new IOException(file + " holds no data rows; give a CSV with one sample per line");
        }
        return new Table(header, java.util.Arrays.copyOf(values, rows * cols), rows, cols);
    }

    /** Reads one number per line (the first column), e.g. sample weights. */
    public static double[] readColumn(Path file) throws IOException {
        Table t = read(file);
        if (t.cols() != 1) {
            throw new IOException(file + " has " + t.cols() + " columns; give one value per line");
        }
        return t.values();
    }

    /** Writes a matrix with a header line. */
    public static void writeMatrix(Path file, DataMatrix m, List<String> header) throws IOException {
        Files.writeString(file, formatMatrix(m, header));
    }

    /** A matrix as CSV text with a header line. */
    public static String formatMatrix(DataMatrix m, List<String> header) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(m.get(r, c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Integers one per line. */
    public static String formatInts(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(v).append('\n');
        }
        return sb.toString();
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IOException("file not found: " + file + "; check the path", e);
        } catch (UncheckedIOException | java.nio.charset.MalformedInputException e) {
            throw new IOException(file + " is not UTF-8 text; give a CSV file", e);
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static boolean allNumeric(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Column names x0, x1, ... for generated data. */
    public static List<String> columnNames(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
