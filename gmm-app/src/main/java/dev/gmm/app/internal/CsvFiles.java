package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.CsvOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's CSV needs: reading and writing go through gmm-datasets' {@link Csv} (header detected,
 * errors naming file, line and column); only the formatting for stdout lives here.
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** A numeric CSV file as a matrix (float32 storage when asked). */
    public static DataMatrix readMatrix(Path file, boolean float32) throws IOException {
        return readMatrix(file, CsvOptions.defaults(), float32);
    }

    /** The chosen columns of a CSV file as a matrix (float32 storage when asked). */
    public static DataMatrix readMatrix(Path file, CsvOptions options, boolean float32) throws IOException {
        DataMatrix m = Csv.read(file, options).data();
        return float32 ? m.toFloat32() : m;
    }

    /** One number per line (sample weights, scores, labels). */
    public static double[] readColumn(Path file) throws IOException {
        return Csv.readDoubles(file);
    }

    /** Writes a matrix with an optional header. */
    public static void writeMatrix(Path file, DataMatrix m, List<String> header) throws IOException {
        Csv.writeMatrix(file, m, header);
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

    /** Column names x0, x1, ... for generated data. */
    public static List<String> columnNames(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
