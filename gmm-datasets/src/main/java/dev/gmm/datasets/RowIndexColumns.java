package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the columns of a CSV file that look like a row index rather than a feature: R's and
 * pandas' row names (a header {@code ""}, {@code rownames}, {@code Unnamed: 0}), an {@code id}
 * column, or integers counting the rows (0..n−1 or 1..n). Fitted as a feature, such a column
 * dominates the mixture and makes every later prediction wrong, silently.
 */
public final class RowIndexColumns {
    private static final Set<String> INDEX_NAMES = Set.of("", "id", "rownames", "unnamed: 0", "index");
    /** Fewer rows than this count by chance too easily to call a column a row index. */
    private static final int MIN_ROWS_FOR_COUNTING = 3;

    private RowIndexColumns() {
    }

    /** The names of the read feature columns that look like a row index, in column order. */
    public static List<String> find(CsvRows rows) {
        DataMatrix x = rows.dataset().data();
        List<String> names = rows.dataset().featureNames();
        List<String> found = new ArrayList<>();
        for (int c = 0; c < x.cols(); c++) {
            if ((rows.hasHeader() && INDEX_NAMES.contains(names.get(c).strip().toLowerCase(Locale.ROOT)))
                    || countsRows(x, c, rows.dataRowIndices())) {
                found.add(names.get(c));
            }
        }
        return found;
    }

    /** Whether column {@code c} holds each row's 0-based or 1-based position in the file. */
    private static boolean countsRows(DataMatrix x, int c, int[] rowIndex) {
        if (x.rows() < MIN_ROWS_FOR_COUNTING) {
            return false;
        }
        double base = x.get(0, c) - rowIndex[0];
        if (base != 0 && base != 1) {
            return false;
        }
        for (int r = 0; r < x.rows(); r++) {
            if (x.get(r, c) != rowIndex[r] + base) {
                return false;
            }
        }
        return true;
    }
}
