package dev.gmm.core.internal.kernel;

import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;

/**
 * The mixture as the kernels read it: flat arrays, precomputed per-component constants
 * log wₖ + log det Uₖ − ½ D log 2π, and the precision factors in their kernel form.
 */
public final class MixtureState {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public final int components;
    public final int features;
    public final PrecisionForm form;
    /** K·D row-major. */
    public final double[] means;
    /** Per component: D·D upper-triangular row-major, or D diagonal. */
    public final double[][] factors;
    /** log wₖ + log det Uₖ − ½ D log 2π. */
    public final double[] constants;
    /** Whether every component shares one factor (tied). */
    public final boolean sharedFactor;

    public MixtureState(double[] weights, double[] means, CovarianceParameters parameters) {
        this.components = weights.length;
        this.features = parameters.features();
        this.form = parameters.form();
        this.means = means.clone();
        this.factors = new double[components][];
        this.constants = new double[components];
        boolean shared = true;
        for (int k = 0; k < components; k++) {
            factors[k] = parameters.factorView(k);
            constants[k] = Math.log(weights[k]) + parameters.logDeterminant(k) - 0.5 * features * LOG_2PI;
            shared &= factors[k] == factors[0];
        }
        this.sharedFactor = shared;
    }

    /**
     * A state whose per-component constants are {@code logWeights[k]} + log det Uₖ − ½ D log 2π: for
     * the variational E-step, whose "log weights" (expected log weights plus the Wishart terms) can be
     * far below what exp() can represent, so they must not pass through weights.
     */
    public static MixtureState withLogWeights(double[] logWeights, double[] means, CovarianceParameters parameters) {
        double[] ones = new double[logWeights.length];
        java.util.Arrays.fill(ones, 1);
        MixtureState state = new MixtureState(ones, means, parameters);
        for (int k = 0; k < logWeights.length; k++) {
            state.constants[k] += logWeights[k];
        }
        return state;
    }
}
