package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

/**
 * Column statistics of a data set: the sample covariance matrix (two-pass: means first, then
 * centred products, so large offsets do not cancel) and Pearson's correlation matrix.
 */
public final class Covariance {
    private Covariance() {
    }

    /** D × D sample covariance (divided by n − 1). */
    public static double[][] matrix(DataMatrix data) {
        int n = data.rows();
        if (n < 2) {
            throw new IllegalArgumentException("data has " + n + " rows: a covariance needs at least 2");
        }
        double[][] c = centredProducts(data);
        for (double[] row : c) {
            for (int b = 0; b < row.length; b++) {
                row[b] /= n - 1;
            }
        }
        return c;
    }

    /** D × D Pearson correlations; a constant column correlates 0 with the others and 1 with itself. */
    public static double[][] correlation(DataMatrix data) {
        double[][] c = centredProducts(data);
        int d = c.length;
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double denominator = Math.sqrt(c[a][a] * c[b][b]);
                r[a][b] = a == b ? 1 : denominator == 0 ? 0 : c[a][b] / denominator;
            }
        }
        return r;
    }

    /** Σ (x − mean)(x − mean)ᵀ over the rows, symmetric. */
    private static double[][] centredProducts(DataMatrix data) {
        data.requireFinite("data");
        int n = data.rows();
        int d = data.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = data.get(i, j) - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    c[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                c[b][a] = c[a][b];
            }
        }
        return c;
    }
}
