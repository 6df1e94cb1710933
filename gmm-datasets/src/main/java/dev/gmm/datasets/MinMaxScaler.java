package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

/** Each column mapped linearly onto [0, 1] (sklearn {@code MinMaxScaler}; a constant column maps to 0). */
public final class MinMaxScaler {
    private final double[] min;
    private final double[] range;

    private MinMaxScaler(double[] min, double[] range) {
        this.min = min;
        this.range = range;
    }

    /** Learns each column's minimum and range. */
    public static MinMaxScaler fit(DataMatrix data) {
        data.requireFinite("data");
        if (data.rows() < 1) {
            throw new IllegalArgumentException("data has no rows: a scaler needs at least one sample");
        }
        int d = data.cols();
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], data.get(i, j));
                max[j] = Math.max(max[j], data.get(i, j));
            }
        }
        double[] range = new double[d];
        for (int j = 0; j < d; j++) {
            range[j] = max[j] > min[j] ? max[j] - min[j] : 1;
        }
        return new MinMaxScaler(min, range);
    }

    /** Column minima. */
    public double[] min() {
        return min.clone();
    }

    /** Column ranges, max - min (1 for constant columns). */
    public double[] range() {
        return range.clone();
    }

    /** (x - min) / (max - min). */
    public DataMatrix transform(DataMatrix data) {
        return Affine.apply(data, min, range, false, "data");
    }

    /** x * (max - min) + min. */
    public DataMatrix inverseTransform(DataMatrix data) {
        return Affine.apply(data, min, range, true, "data");
    }
}
