package dev.gmm.core;

/**
 * What every fitted Gaussian mixture can do, whichever way it was fitted — by EM
 * ({@link GaussianMixtureModel}) or by variational inference ({@link BayesianGaussianMixtureModel}):
 * scikit-learn's attributes and methods common to {@code GaussianMixture} and
 * {@code BayesianGaussianMixture}. Implementations are immutable and thread-safe.
 */
public interface MixtureModel {

    /** The covariance type's name ("full", "tied", "diag", "spherical", or a plugin's). */
    String covarianceType();

    /** K. */
    int components();

    /** D. */
    int features();

    /** The regCovar the model was fitted with. */
    double regCovar();

    /** Mixture weights, K values summing to 1 (sklearn {@code weights_}). */
    double[] weights();

    /** Component means, K × D (sklearn {@code means_}). */
    double[][] means();

    /** Covariances in the type's shape (sklearn {@code covariances_}). */
    ShapedArray covariances();

    /** Component k's covariance as a full D × D matrix, whatever the type. */
    double[][] covariance(int k);

    /** Precision Cholesky factors in the type's shape (sklearn {@code precisions_cholesky_}). */
    ShapedArray precisionsCholesky();

    /** How the fit went (sklearn {@code converged_}, {@code n_iter_}, {@code lower_bound_}, and more). */
    FitReport report();

    /** The per-row log-likelihood (sklearn {@code score_samples}). */
    double[] scoreSamples(DataMatrix data);

    /** The mean of {@link #scoreSamples} (sklearn {@code score}). */
    double score(DataMatrix data);

    /** Responsibilities, rows × K, each row summing to 1 (sklearn {@code predict_proba}). */
    double[][] predictProba(DataMatrix data);

    /** The most responsible component of each row (sklearn {@code predict}). */
    int[] predict(DataMatrix data);

    /** n rows drawn from the mixture with the component of each (sklearn {@code sample}). */
    GaussianMixtureModel.Sample sample(int n, long seed);
}
