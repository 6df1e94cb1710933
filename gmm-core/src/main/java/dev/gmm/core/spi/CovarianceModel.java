package dev.gmm.core.spi;

import dev.gmm.core.ShapedArray;

/**
 * A covariance structure for the mixture's components ("full", "tied", "diag", "spherical", or a
 * plugin's own). The EM driver knows nothing of shapes: it asks the provider which statistic the
 * kernel must accumulate, hands it the sums after each pass, and gets back parameters whose
 * precision factors the kernel can read.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface CovarianceModel extends NamedProvider {

    /** Which second-moment statistic the kernel accumulates for {@link #estimate}. */
    ScatterKind scatterKind();

    /**
     * The M-step: covariances (with {@code regCovar} added to their diagonal) and precision factors
     * from one pass's statistics, built with {@link CovarianceParameters#of}. The helpers of
     * {@code dev.gmm.core.linalg} give the factors and scikit-learn's errors.
     *
     * @throws IllDefinedCovarianceException (scikit-learn's "ill-defined empirical covariance" advice)
     *                                       when a covariance is not positive definite: the engine and
     *                                       grid searches recognise it by this type, so throw no other
     */
    CovarianceParameters estimate(SufficientStatistics statistics, double regCovar);

    /**
     * The M-step of an EM iteration, given the parameters of the iteration before ({@code null} for
     * the first M-step of a start): what the engine calls. A model whose M-step iterates (mclust's
     * EVE, VVE) resumes from {@code previous} as mclust does, instead of from scratch; the default
     * ignores it.
     */
    default CovarianceParameters estimate(SufficientStatistics statistics, double regCovar,
                                          CovarianceParameters previous) {
        return estimate(statistics, regCovar);
    }

    /**
     * Parameters from user-given precision matrices (scikit-learn's {@code precisions_init}), in
     * the shape {@link #precisionShape} gives.
     *
     * @throws IllegalArgumentException when the shape is wrong or a precision is not symmetric
     *                                  positive definite (or not positive, for diagonal shapes)
     */
    CovarianceParameters fromPrecisions(ShapedArray precisions, int components, int features);

    /** Parameters from covariances in {@link #precisionShape}'s shape (model files, samplers). */
    CovarianceParameters fromCovariances(ShapedArray covariances, int components, int features);

    /** The shape of covariances, precisions and precision Cholesky factors for this type. */
    int[] precisionShape(int components, int features);

    /** Free parameters of the covariances alone (scikit-learn's {@code cov_params}). */
    long covarianceParameterCount(int components, int features);

    /**
     * The covariances of {@code parameters} as volume, shape and orientation (mclust's Σₖ = λₖ·Dₖ·Aₖ·Dₖᵀ),
     * for a model file's readers; empty when this model offers none, which is the default. A model whose
     * structure fixes part of the answer says so (an axis-aligned model's orientation is the identity, a
     * model with one orientation for all components gives that one) instead of an eigendecomposition of
     * each component; see {@link CovarianceDecomposition}'s factories. Computed from the parameters alone,
     * so a model read back from a file gives the same decomposition as the fitted one.
     */
    default java.util.Optional<CovarianceDecomposition> decomposition(CovarianceParameters parameters) {
        return java.util.Optional.empty();
    }
}
