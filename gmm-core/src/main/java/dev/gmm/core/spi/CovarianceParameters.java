package dev.gmm.core.spi;

import dev.gmm.core.ShapedArray;

/**
 * The covariance part of a fitted mixture, as a {@link CovarianceModel} produces it: the
 * covariances and precision Cholesky factors in the provider's own (sklearn) shapes, plus the
 * per-component precision factors in the one form the kernel understands.
 *
 * <p>Immutable; the factor arrays are never handed out for writing.
 */
public final class CovarianceParameters {
    private final ShapedArray covariances;
    private final ShapedArray precisionsCholesky;
    private final PrecisionForm form;
    private final int features;
    private final double[][] factors;
    private final double[] logDeterminants;
    /** Component k's covariance as a fresh D·D row-major matrix. */
    private final java.util.function.IntFunction<double[]> fullCovariances;

    /**
     * @param covariances        covariances in the provider's shape
     * @param precisionsCholesky precision Cholesky factors in the provider's shape
     * @param form               how {@code factors} are laid out
     * @param features           D
     * @param factors            per component: D·D row-major upper-triangular (the lower triangle is
     *                           ignored) or D diagonal values; components may share one array (tied),
     *                           and then share one copy here
     * @param fullCovariances    per component, its covariance as a D·D row-major matrix
     */
    public CovarianceParameters(ShapedArray covariances, ShapedArray precisionsCholesky, PrecisionForm form,
                                int features, double[][] factors, double[][] fullCovariances) {
        this(covariances, precisionsCholesky, form, features, factors, copiesOf(fullCovariances, factors.length, features));
    }

    /**
     * As the other constructor, but with the full covariance matrices made on demand by
     * {@code fullCovariance} (a fresh D·D row-major array per call, component index in [0, K)), for
     * providers whose covariances are cheap to expand: diagonal and spherical ones would otherwise
     * build K dense D×D matrices in every M-step that only sampling and {@code covariance(k)} read.
     */
    public CovarianceParameters(ShapedArray covariances, ShapedArray precisionsCholesky, PrecisionForm form,
                                int features, double[][] factors,
                                java.util.function.IntFunction<double[]> fullCovariance) {
        this.fullCovariances = java.util.Objects.requireNonNull(fullCovariance, "fullCovariance");
        this.covariances = covariances;
        this.precisionsCholesky = precisionsCholesky;
        this.form = form;
        this.features = features;
        int expected = form == PrecisionForm.UPPER_TRIANGULAR ? features * features : features;
        this.factors = new double[factors.length][];
        this.logDeterminants = new double[factors.length];
        // components that share one factor array (tied) keep sharing one copy: kernels use that
        java.util.Map<double[], double[]> copies = new java.util.IdentityHashMap<>();
        for (int k = 0; k < factors.length; k++) {
            if (factors[k].length != expected) {
                throw new IllegalArgumentException("precision factor " + k + " has " + factors[k].length
                        + " values; a " + form + " factor for " + features + " features has " + expected);
            }
            this.factors[k] = copies.computeIfAbsent(factors[k], double[]::clone);
            double logDet = 0;
            for (int j = 0; j < features; j++) {
                double diagonal = form == PrecisionForm.UPPER_TRIANGULAR ? factors[k][j * features + j] : factors[k][j];
                logDet += Math.log(diagonal);
            }
            this.logDeterminants[k] = logDet;
        }
    }

    public ShapedArray covariances() {
        return covariances;
    }

    public ShapedArray precisionsCholesky() {
        return precisionsCholesky;
    }

    public PrecisionForm form() {
        return form;
    }

    public int components() {
        return factors.length;
    }

    public int features() {
        return features;
    }

    /** A copy of component k's factor (see {@link PrecisionForm}). */
    public double[] factor(int k) {
        return factors[k].clone();
    }

    /**
     * Component k's factor without a copy, for kernels. Callers must not write to it.
     */
    public double[] factorView(int k) {
        return factors[k];
    }

    /** log det of component k's precision Cholesky factor, i.e. ½ log det(precision). */
    public double logDeterminant(int k) {
        return logDeterminants[k];
    }

    /** Component k's covariance as a full D×D matrix, whatever the type. */
    public double[][] fullCovariance(int k) {
        java.util.Objects.checkIndex(k, factors.length);
        double[] flat = fullCovariances.apply(k);
        if (flat.length != features * features) {
            throw new IllegalStateException("covariance " + k + " has " + flat.length + " values, expected "
                    + features * features);
        }
        double[][] c = new double[features][features];
        for (int i = 0; i < features; i++) {
            System.arraycopy(flat, i * features, c[i], 0, features);
        }
        return c;
    }

    /** Checked private copies of eagerly given matrices, served one per call. */
    private static java.util.function.IntFunction<double[]> copiesOf(double[][] matrices, int components, int features) {
        if (matrices.length != components) {
            throw new IllegalArgumentException(components + " precision factors but " + matrices.length
                    + " covariances");
        }
        double[][] copies = new double[components][];
        for (int k = 0; k < components; k++) {
            if (matrices[k].length != features * features) {
                throw new IllegalArgumentException("covariance " + k + " has " + matrices[k].length
                        + " values, expected " + features * features);
            }
            copies[k] = matrices[k].clone();
        }
        return k -> copies[k].clone();
    }
}
