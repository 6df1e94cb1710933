package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

/**
 * The per-column shift-and-scale the scalers share ({@link StandardScaler}, {@link MinMaxScaler}, and
 * the scaler a model file stores): {@code (x - shift) / scale}, or its inverse.
 */
public final class Affine {
    private Affine() {
    }

    /**
     * Shifts and scales each column, or undoes it.
     *
     * @param inverse false for {@code (x - shift) / scale}, true for {@code x * scale + shift}
     * @param name    what the data are called in an error
     */
    public static DataMatrix apply(DataMatrix data, double[] shift, double[] scale, boolean inverse, String name) {
        if (data.cols() != shift.length) {
            throw new IllegalArgumentException(name + " has " + data.cols() + " columns but the scaler was fitted on "
                    + shift.length + "; transform data with the same columns");
        }
        int n = data.rows();
        int d = data.cols();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double x = data.get(i, j);
                out[i * d + j] = inverse ? x * scale[j] + shift[j] : (x - shift[j]) / scale[j];
            }
        }
        return DataMatrix.wrap(out, n, d);
    }
}
