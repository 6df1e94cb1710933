package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

/**
 * Zero mean, unit variance per column (sklearn {@code StandardScaler}: population standard
 * deviation; a constant column keeps scale 1 so it maps to 0 instead of NaN).
 */
public final class StandardScaler {
    private final double[] mean;
    private final double[] scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Learns each column's mean and standard deviation. */
    public static StandardScaler fit(DataMatrix data) {
        data.requireFinite("data");
        int n = data.rows();
        int d = data.cols();
        if (n < 1) {
            throw new IllegalArgumentException("data has no rows: a scaler needs at least one sample");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = data.get(i, j) - mean[j];
                scale[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (scale[j] == 0) {
                scale[j] = 1;
            }
        }
        return new StandardScaler(mean, scale);
    }

    /** Column means. */
    public double[] mean() {
        return mean.clone();
    }

    /** Column standard deviations (1 for constant columns). */
    public double[] scale() {
        return scale.clone();
    }

    /** (x - mean) / scale. */
    public DataMatrix transform(DataMatrix data) {
        return Affine.apply(data, mean, scale, false, "data");
    }

    /** x * scale + mean. */
    public DataMatrix inverseTransform(DataMatrix data) {
        return Affine.apply(data, mean, scale, true, "data");
    }
}
