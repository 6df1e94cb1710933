package dev.gmm.core;

/**
 * The priors of a {@link BayesianGaussianMixture}, with scikit-learn's names; each is either given or
 * left to its default (null here), which the fit resolves from the data as scikit-learn does:
 * <ul>
 *   <li>{@code weight_concentration_prior} γ₀ &gt; 0, default 1/K;</li>
 *   <li>{@code mean_precision_prior} β₀ &gt; 0, default 1;</li>
 *   <li>{@code mean_prior} m₀ (D values), default the (weighted) mean of the data;</li>
 *   <li>{@code degrees_of_freedom_prior} ν₀ &gt; D − 1, default D;</li>
 *   <li>{@code covariance_prior} W₀⁻¹ in the covariance type's shape — full and tied [D][D] symmetric
 *       positive definite, diag [D] positive, spherical a positive scalar — default the data's
 *       covariance (ddof 1): the matrix for full and tied, the variances for diag, their mean for
 *       spherical.</li>
 * </ul>
 * A fitted model reports its priors resolved, every one set.
 *
 * <p>Immutable: each {@code with…} returns a new value. The arguments that can be checked without the
 * data are checked here; shapes and ν₀ &gt; D − 1 when fitting.
 */
public final class VariationalPriors {
    private static final VariationalPriors DEFAULTS = new VariationalPriors(null, null, null, null, null);

    private final Double weightConcentrationPrior;
    private final Double meanPrecisionPrior;
    private final double[] meanPrior;
    private final Double degreesOfFreedomPrior;
    private final ShapedArray covariancePrior;

    private VariationalPriors(Double weightConcentrationPrior, Double meanPrecisionPrior, double[] meanPrior,
                              Double degreesOfFreedomPrior, ShapedArray covariancePrior) {
        this.weightConcentrationPrior = weightConcentrationPrior;
        this.meanPrecisionPrior = meanPrecisionPrior;
        this.meanPrior = meanPrior == null ? null : meanPrior.clone();
        this.degreesOfFreedomPrior = degreesOfFreedomPrior;
        this.covariancePrior = covariancePrior;
    }

    /** Every prior at scikit-learn's default. */
    public static VariationalPriors defaults() {
        return DEFAULTS;
    }

    /** Every prior given (how a fitted model reports them). */
    public static VariationalPriors of(double weightConcentrationPrior, double meanPrecisionPrior, double[] meanPrior,
                                       double degreesOfFreedomPrior, ShapedArray covariancePrior) {
        return defaults().withWeightConcentrationPrior(weightConcentrationPrior)
                .withMeanPrecisionPrior(meanPrecisionPrior).withMeanPrior(meanPrior)
                .withDegreesOfFreedomPrior(degreesOfFreedomPrior).withCovariancePrior(covariancePrior);
    }

    /** γ₀: small values switch unneeded components off. */
    public VariationalPriors withWeightConcentrationPrior(double value) {
        return new VariationalPriors(positive("weight_concentration_prior", value, "default 1/n_components"),
                meanPrecisionPrior, meanPrior, degreesOfFreedomPrior, covariancePrior);
    }

    /** β₀: how strongly the means are pulled towards m₀. */
    public VariationalPriors withMeanPrecisionPrior(double value) {
        return new VariationalPriors(weightConcentrationPrior, positive("mean_precision_prior", value, "default 1"),
                meanPrior, degreesOfFreedomPrior, covariancePrior);
    }

    /** m₀, one value per feature. */
    public VariationalPriors withMeanPrior(double[] value) {
        if (value == null) {
            throw new IllegalArgumentException("mean_prior is null: pass one value per feature, or leave it unset for"
                    + " the data's mean");
        }
        for (int j = 0; j < value.length; j++) {
            if (!Double.isFinite(value[j])) {
                throw new IllegalArgumentException("mean_prior[" + j + "] = " + value[j] + ": every value must be finite");
            }
        }
        return new VariationalPriors(weightConcentrationPrior, meanPrecisionPrior, value, degreesOfFreedomPrior,
                covariancePrior);
    }

    /** ν₀, which must exceed D − 1 (checked when fitting). */
    public VariationalPriors withDegreesOfFreedomPrior(double value) {
        return new VariationalPriors(weightConcentrationPrior, meanPrecisionPrior, meanPrior,
                positive("degrees_of_freedom_prior", value, "default n_features"), covariancePrior);
    }

    /**
     * W₀⁻¹ in the covariance type's shape: full and tied [D][D], diag [D], spherical a scalar (shape []
     * or [1]). Checked for shape and positive definiteness when fitting.
     */
    public VariationalPriors withCovariancePrior(ShapedArray value) {
        if (value == null) {
            throw new IllegalArgumentException("covariance_prior is null: pass it in the covariance type's shape, or"
                    + " leave it unset for the data's covariance");
        }
        for (double v : value.values()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("covariance_prior contains " + v + ": every value must be finite");
            }
        }
        return new VariationalPriors(weightConcentrationPrior, meanPrecisionPrior, meanPrior, degreesOfFreedomPrior,
                value);
    }

    /** A full or tied covariance prior [D][D]. */
    public VariationalPriors withCovariancePrior(double[][] value) {
        return withCovariancePrior(ShapedArray.of(value));
    }

    /** A diag covariance prior [D]. */
    public VariationalPriors withCovariancePrior(double[] value) {
        return withCovariancePrior(ShapedArray.of(value));
    }

    /** A spherical covariance prior. */
    public VariationalPriors withCovariancePrior(double value) {
        return withCovariancePrior(new ShapedArray(new int[0], new double[] {value}));
    }

    /** γ₀, or null for the default. */
    public Double weightConcentrationPrior() {
        return weightConcentrationPrior;
    }

    /** β₀, or null for the default. */
    public Double meanPrecisionPrior() {
        return meanPrecisionPrior;
    }

    /** m₀, or null for the default. */
    public double[] meanPrior() {
        return meanPrior == null ? null : meanPrior.clone();
    }

    /** ν₀, or null for the default. */
    public Double degreesOfFreedomPrior() {
        return degreesOfFreedomPrior;
    }

    /** W₀⁻¹, or null for the default. */
    public ShapedArray covariancePrior() {
        return covariancePrior;
    }

    /** Whether every prior is set (as in a fitted model). */
    public boolean isResolved() {
        return weightConcentrationPrior != null && meanPrecisionPrior != null && meanPrior != null
                && degreesOfFreedomPrior != null && covariancePrior != null;
    }

    private static Double positive(String name, double value, String hint) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("The parameter '" + name + "' should be a finite number > 0, but got "
                    + value + ": pass a positive value (" + hint + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "VariationalPriors[weight_concentration_prior=" + weightConcentrationPrior + ", mean_precision_prior="
                + meanPrecisionPrior + ", mean_prior=" + java.util.Arrays.toString(meanPrior)
                + ", degrees_of_freedom_prior=" + degreesOfFreedomPrior + ", covariance_prior=" + covariancePrior + "]";
    }
}
