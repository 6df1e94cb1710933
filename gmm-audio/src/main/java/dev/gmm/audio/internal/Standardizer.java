package dev.gmm.audio.internal;

import dev.gmm.core.DataMatrix;

/** scikit-learn's StandardScaler: zero mean, unit (population) variance per column; constant columns stay 0. */
final class Standardizer {
    private Standardizer() {
    }

    static DataMatrix standardize(DataMatrix x) {
        int n = x.rows(), d = x.cols();
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) for (int c = 0; c < d; c++) out[r * d + c] = x.get(r, c);
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int r = 0; r < n; r++) mean += out[r * d + c];
            mean /= n;
            double var = 0;
            for (int r = 0; r < n; r++) var += (out[r * d + c] - mean) * (out[r * d + c] - mean);
            double sd = Math.sqrt(var / n);
            double scale = sd == 0 ? 1 : sd; // sklearn leaves zero-variance columns unscaled
            for (int r = 0; r < n; r++) out[r * d + c] = (out[r * d + c] - mean) / scale;
        }
        return DataMatrix.wrap(out, n, d);
    }
}
