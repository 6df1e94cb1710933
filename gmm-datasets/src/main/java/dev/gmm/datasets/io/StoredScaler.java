package dev.gmm.datasets.io;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.Affine;

import java.util.Arrays;
import java.util.Locale;

/**
 * The per-column scaling a model was fitted after, kept in its model file so the file is a whole
 * pipeline (scikit-learn's {@code make_pipeline(StandardScaler(), GaussianMixture())}): data are
 * mapped by {@code (x - offset) / scale} before the mixture sees them, and samples are mapped back.
 *
 * @param kind   {@code "standardize"} (offset the mean, scale the population standard deviation) or
 *               {@code "min-max"} (offset the minimum, scale the range); only a label, the numbers
 *               say what is done
 * @param offset subtracted from each column
 * @param scale  then divided into each column (positive)
 */
public record StoredScaler(String kind, double[] offset, double[] scale) {
    /** The kinds gmm writes. */
    public static final String STANDARDIZE = "standardize";
    /** Min-max scaling onto [0, 1]. */
    public static final String MIN_MAX = "min-max";

    public StoredScaler {
        if (!STANDARDIZE.equals(kind) && !MIN_MAX.equals(kind)) {
            throw new IllegalArgumentException("scaler kind \"" + kind + "\" is not one of " + STANDARDIZE + ", " + MIN_MAX);
        }
        offset = offset.clone();
        scale = scale.clone();
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("scaler has " + offset.length + " offsets but " + scale.length
                    + " scales; give one of each per feature");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(offset[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "scaler column %d has offset %s and "
                        + "scale %s; an offset must be finite and a scale finite and positive", j, offset[j], scale[j]));
            }
        }
    }

    /** Zero mean, unit variance per column, as scikit-learn's StandardScaler (a constant column keeps scale 1). */
    public static StoredScaler standardize(DataMatrix data) {
        var s = dev.gmm.datasets.StandardScaler.fit(data);
        return new StoredScaler(STANDARDIZE, s.mean(), s.scale());
    }

    /** Each column onto [0, 1], as scikit-learn's MinMaxScaler (a constant column keeps range 1). */
    public static StoredScaler minMax(DataMatrix data) {
        var s = dev.gmm.datasets.MinMaxScaler.fit(data);
        return new StoredScaler(MIN_MAX, s.min(), s.range());
    }

    public int features() {
        return scale.length;
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** (x - offset) / scale, column by column. */
    public DataMatrix transform(DataMatrix data) {
        return Affine.apply(data, offset, scale, false, "data");
    }

    /** x * scale + offset: scaled data (a sample) back in the original units. */
    public DataMatrix inverseTransform(DataMatrix data) {
        return Affine.apply(data, offset, scale, true, "data");
    }

    /**
     * log |det| of the map from original units to scaled ones, -Σ log scale: adding it to a
     * log-density of the scaled data gives the log-density of the original data (change of
     * variables), which is what {@code gmm score} reports.
     */
    public double logJacobian() {
        double sum = 0;
        for (double s : scale) {
            sum -= Math.log(s);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredScaler s && kind.equals(s.kind) && Arrays.equals(offset, s.offset)
                && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return kind + "(offset=" + Arrays.toString(offset) + ", scale=" + Arrays.toString(scale) + ")";
    }
}
