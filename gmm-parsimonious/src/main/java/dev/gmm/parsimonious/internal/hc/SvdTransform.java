package dev.gmm.parsimonious.internal.hc;

import dev.gmm.core.linalg.SymmetricEigen;

/**
 * mclust's {@code hcUse = "SVD"}, the data its hierarchical start clusters: each column centred and
 * divided by its standard deviation (R's {@code scale}, n − 1), columns that are not finite then (constant
 * ones) dropped, and with X = U·S·Vᵀ the SVD of the result, Z = X·V·S^(−1/2). V and S come from the
 * eigendecomposition of XᵀX (S² its eigenvalues); signs and order of V's columns do not change the VVV
 * criterion, which sees Z only through scatters' traces and determinants. Directions with a singular
 * value below 1e-12 of the largest (collinear columns), where mclust would divide by zero, are dropped.
 */
final class SvdTransform {
    private static final double NEGLIGIBLE = 1e-12;

    private SvdTransform() {
    }

    /** Z for the rows of {@code x} (n rows of D values each). */
    static double[][] apply(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] scaled = standardized(x);
        int kept = scaled[0].length;
        double[] gram = new double[kept * kept];
        for (double[] row : scaled) {
            for (int a = 0; a < kept; a++) {
                for (int b = 0; b < kept; b++) {
                    gram[a * kept + b] += row[a] * row[b];
                }
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram, kept);
        double[] squares = eigen.values();
        double[] v = eigen.vectors();
        int rank = 0;
        while (rank < kept && squares[rank] > 0 && Math.sqrt(squares[rank]) > NEGLIGIBLE * Math.sqrt(squares[0])) {
            rank++;
        }
        if (rank == 0) {
            throw new IllegalArgumentException("hc: every column of the " + n + " × " + d
                    + " data is constant; there is nothing to cluster hierarchically: use init 'kmeans'");
        }
        double[][] z = new double[n][rank];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rank; j++) {
                double sum = 0;
                for (int a = 0; a < kept; a++) {
                    sum += scaled[i][a] * v[a * kept + j];
                }
                z[i][j] = sum / Math.sqrt(Math.sqrt(squares[j]));
            }
        }
        return z;
    }

    /** R's {@code scale(x, TRUE, TRUE)} and mclust's {@code dropCols}: constant columns are left out. */
    private static double[][] standardized(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            mean[j] = s / n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            sd[j] = Math.sqrt(ss / (n - 1));
        }
        int[] columns = java.util.stream.IntStream.range(0, d).filter(j -> sd[j] > 0 && Double.isFinite(sd[j])).toArray();
        double[][] out = new double[n][columns.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.length; c++) {
                int j = columns[c];
                out[i][c] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        return out;
    }
}
