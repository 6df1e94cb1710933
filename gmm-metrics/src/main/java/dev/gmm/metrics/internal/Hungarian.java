package dev.gmm.metrics.internal;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn-Munkres with potentials, O(n²m)) for a rectangular assignment that
 * maximises the total of a count matrix, as scipy's {@code linear_sum_assignment(-C)}.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * @param counts a rows x cols matrix (rows and cols may differ)
     * @return for each row the column assigned to it, or -1 when there are more rows than columns and
     *         the row got none
     */
    public static int[] maximise(long[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        if (rows <= cols) {
            return solve(counts, rows, cols, false);
        }
        int[] colToRow = solve(counts, cols, rows, true);
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int c = 0; c < cols; c++) {
            rowToCol[colToRow[c]] = c;
        }
        return rowToCol;
    }

    /** Min-cost assignment of n rows into m >= n columns, cost = -count (transposed view if asked). */
    private static int[] solve(long[][] counts, int n, int m, boolean transposed) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cost = -(double) (transposed ? counts[j - 1][i0 - 1] : counts[i0 - 1][j - 1]);
                        double cur = cost - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                assignment[p[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
