package dev.gmm.core.spi;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;

/**
 * The covariance part of a fitted mixture, as a {@link CovarianceModel} produces it: the
 * covariances and precision Cholesky factors in the provider's own (sklearn) shapes, plus the
 * per-component precision factors in the one form the kernel understands.
 *
 * <p>A provider computes the factors and its covariances and calls one of the {@code of} factories;
 * the rest is derived: the log-determinants from the factors, each component's full D×D covariance
 * (from the covariances in a {@link CovarianceLayout}, otherwise from the factor), and, in a layout,
 * the precision Cholesky factors the model reports.
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
    /** Null for a model with a layout of its own. */
    private final CovarianceLayout layout;

    /**
     * Parameters in one of scikit-learn's layouts, from the provider's factors and covariances: the
     * precision Cholesky factors are reported packed in the layout's shape, and each component's full
     * covariance is expanded from the covariances.
     *
     * @param layout      which of the four shapes {@code covariances} has, and so the factors' form
     * @param features    D
     * @param factors     per component: D·D row-major upper-triangular U with U·Uᵀ the precision (the lower
     *                    triangle is ignored), or D diagonal values; components may share one array (tied),
     *                    and then share one copy here, which the kernel uses to project the data once
     * @param covariances the covariances in the layout's shape, as the model file and users see them
     * @throws IllegalArgumentException when a factor has the wrong length or the covariances the wrong shape
     */
    public static CovarianceParameters of(CovarianceLayout layout, int features, double[][] factors,
                                          ShapedArray covariances) {
        return of(layout, features, factors, covariances, packFactors(layout, features, factors));
    }

    /**
     * As {@link #of(CovarianceLayout, int, double[][], ShapedArray)}, with the precision Cholesky factors
     * the model reports given explicitly, where scikit-learn reports another factor than the one the
     * kernel reads (the lower Cholesky of a user-given precision).
     */
    public static CovarianceParameters of(CovarianceLayout layout, int features, double[][] factors,
                                          ShapedArray covariances, ShapedArray precisionsCholesky) {
        ShapedArray.requireShape(covariances, "covariances", layout.name().toLowerCase(java.util.Locale.ROOT),
                layout.shape(factors.length, features));
        return new CovarianceParameters(layout, layout.form(), features, factors, covariances,
                java.util.Objects.requireNonNull(precisionsCholesky, "precisionsCholesky"));
    }

    /**
     * Parameters of a model with a layout of its own: the provider gives its covariances and precision
     * Cholesky factors in its own shapes (for the model file), and each component's full covariance is
     * derived from its factor.
     */
    public static CovarianceParameters of(PrecisionForm form, int features, double[][] factors, ShapedArray covariances,
                                          ShapedArray precisionsCholesky) {
        return new CovarianceParameters(null, form, features, factors,
                java.util.Objects.requireNonNull(covariances, "covariances"),
                java.util.Objects.requireNonNull(precisionsCholesky, "precisionsCholesky"));
    }

    private CovarianceParameters(CovarianceLayout layout, PrecisionForm form, int features, double[][] factors,
                                 ShapedArray covariances, ShapedArray precisionsCholesky) {
        this.layout = layout;
        this.covariances = covariances;
        this.precisionsCholesky = precisionsCholesky;
        this.form = java.util.Objects.requireNonNull(form, "form");
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

    /** The factors in the layout's shape. */
    private static ShapedArray packFactors(CovarianceLayout layout, int d, double[][] factors) {
        int k = factors.length;
        int[] shape = layout.shape(k, d);
        return switch (layout) {
            case FULL, DIAGONAL -> {
                int size = layout == CovarianceLayout.FULL ? d * d : d;
                double[] flat = new double[k * size];
                for (int c = 0; c < k; c++) {
                    if (factors[c].length != size) {
                        throw new IllegalArgumentException("precision factor " + c + " has " + factors[c].length
                                + " values; a " + layout + " factor for " + d + " features has " + size);
                    }
                    System.arraycopy(factors[c], 0, flat, c * size, size);
                }
                yield new ShapedArray(shape, flat);
            }
            case TIED -> new ShapedArray(shape, k == 0 ? new double[d * d] : factors[0]);
            case SPHERICAL -> {
                double[] flat = new double[k];
                for (int c = 0; c < k; c++) {
                    flat[c] = factors[c][0];
                }
                yield new ShapedArray(shape, flat);
            }
        };
    }

    /**
     * The covariances in scikit-learn's shape for the type (full [K][D][D], tied [D][D], diag [K][D],
     * spherical [K]).
     */
    public ShapedArray covariances() {
        return covariances;
    }

    /** The Cholesky factors of the precisions, in the same shape as {@link #covariances()}. */
    public ShapedArray precisionsCholesky() {
        return precisionsCholesky;
    }

    /** The form of the precision factor the kernel uses. */
    public PrecisionForm form() {
        return form;
    }

    /** K, the number of components. */
    public int components() {
        return factors.length;
    }

    /** D, the number of features. */
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
        double[] flat = fullCovarianceFlat(k);
        double[][] c = new double[features][features];
        for (int i = 0; i < features; i++) {
            System.arraycopy(flat, i * features, c[i], 0, features);
        }
        return c;
    }

    /** From the covariances in a known layout, else from the factor. */
    private double[] fullCovarianceFlat(int k) {
        int d = features;
        if (layout != null) {
            return switch (layout) {
                case FULL -> covariances.block(k, d * d);
                case TIED -> covariances.values();
                case DIAGONAL -> Matrices.diagonalMatrix(covariances.block(k, d));
                case SPHERICAL -> {
                    double[] diagonal = new double[d];
                    java.util.Arrays.fill(diagonal, covariances.at(k));
                    yield Matrices.diagonalMatrix(diagonal);
                }
            };
        }
        if (form == PrecisionForm.DIAGONAL) {
            double[] diagonal = new double[d];
            for (int j = 0; j < d; j++) {
                diagonal[j] = 1 / (factors[k][j] * factors[k][j]);
            }
            return Matrices.diagonalMatrix(diagonal);
        }
        return Matrices.covarianceOfUpperFactor(factors[k], d);
    }
}
