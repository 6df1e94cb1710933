package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;

/** Checks at the API boundary of {@code fit}, with messages that name the argument, the value and the fix. */
public final class FitInputs {
    private FitInputs() {
    }

    static void check(EmOptions config, DataMatrix data, double[] sampleWeights, GaussianMixtureModel warmStart) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass the samples to fit as a DataMatrix");
        }
        data.requireFinite("X");
        int k = config.components();
        if (data.rows() < k) {
            throw new IllegalArgumentException("Expected n_samples >= n_components but got n_components = " + k
                    + ", n_samples = " + data.rows() + ": use fewer components or more data");
        }
        if (config.meansInit() != null) {
            double[][] m = config.meansInit();
            for (int c = 0; c < m.length; c++) {
                if (m[c] == null || m[c].length != data.cols()) {
                    throw new IllegalArgumentException("'means' should have shape (" + k + ", " + data.cols()
                            + "), but row " + c + " has " + (m[c] == null ? "no array" : m[c].length + " values")
                            + ": give each mean one value per feature");
                }
                for (double v : m[c]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("'means' row " + c + " contains " + v
                                + ": every value must be finite");
                    }
                }
            }
        }
        if (sampleWeights != null) {
            checkSampleWeights(sampleWeights, data.rows());
        }
        if (warmStart != null) {
            if (warmStart.components() != k || warmStart.features() != data.cols()
                    || !warmStart.covarianceType().equals(config.covarianceType())) {
                throw new IllegalArgumentException("the warm start is a " + warmStart.components() + "-component '"
                        + warmStart.covarianceType() + "' model of " + warmStart.features()
                        + " features, but this fit is " + k + "-component '" + config.covarianceType() + "' on "
                        + data.cols() + " features: start from a model of the same shape");
            }
        }
    }

    /**
     * Given responsibilities: N × K, finite, non-negative, each row summing to 1 within 1e-6 (as the
     * rows of predict_proba do).
     */
    public static void checkResponsibilities(double[][] r, int rows, int components) {
        if (r == null) {
            throw new IllegalArgumentException("responsibilities is null: pass an N x K array, one row per sample");
        }
        if (r.length != rows) {
            throw new IllegalArgumentException("responsibilities has " + r.length + " rows but the data have " + rows
                    + ": pass one row of " + components + " responsibilities per sample");
        }
        for (int i = 0; i < r.length; i++) {
            if (r[i] == null || r[i].length != components) {
                throw new IllegalArgumentException("responsibilities row " + i + " has "
                        + (r[i] == null ? "no array" : r[i].length + " values") + " but the fit has " + components
                        + " components: pass one value per component");
            }
            double sum = 0;
            for (int k = 0; k < components; k++) {
                double v = r[i][k];
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("responsibilities[" + i + "][" + k + "] = " + v
                            + ": responsibilities must be finite and >= 0");
                }
                sum += v;
            }
            if (!(Math.abs(sum - 1) <= 1e-6)) {
                throw new IllegalArgumentException("responsibilities row " + i + " sums to " + sum
                        + ": each row must sum to 1 (a probability for each component)");
            }
        }
    }

    public static void checkSampleWeights(double[] w, int rows) {
        if (w.length != rows) {
            throw new IllegalArgumentException("sampleWeights has " + w.length + " values but the data have "
                    + rows + " rows: pass one weight per row");
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("sampleWeights[" + i + "] = " + w[i]
                        + ": weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("sampleWeights sum to " + sum + ": at least one row needs a positive weight");
        }
    }
}
