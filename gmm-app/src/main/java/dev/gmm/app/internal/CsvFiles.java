package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.CsvRows;

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

    /**
     * The rows read from a CSV file as a matrix, in float32 storage when asked; a value too large for
     * a float is an error naming its line and value (a float would hold it as Infinity).
     */
    public static DataMatrix matrix(Path file, CsvRows rows, boolean float32) throws IOException {
        DataMatrix m = rows.dataset().data();
        if (!float32) {
            return m;
        }
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                double v = m.get(r, c);
                if (Math.abs(v) > Float.MAX_VALUE) {
                    throw new IOException(file + " line " + rows.lineNumbers()[r] + " column "
                            + rows.dataset().featureNames().get(c) + ": " + v + " overflows float32 (largest "
                            + Float.MAX_VALUE + "); drop --float32 or rescale the column");
                }
            }
        }
        return m.toFloat32();
    }

    /** One number per line (sample weights, scores, labels), from a file given by {@code flag}. */
    public static double[] readColumn(Path file, String flag) throws IOException {
        FileChecks.requireInputFile(file, flag);
        return Csv.readDoubles(file);
    }

    /** Writes a matrix with an optional header. */
    public static void writeMatrix(Path file, DataMatrix m, List<String> header) throws IOException {
        Csv.writeMatrix(file, m, header);
    }

    /** One row of numbers, comma-separated, in their shortest round-tripping form. */
    public static String formatRow(double[] row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(row[c]);
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
