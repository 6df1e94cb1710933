package dev.gmm.core;

/**
 * An immutable mixture configuration that fits data into an immutable model: the one shape of
 * {@link GaussianMixture} (EM) and {@link BayesianGaussianMixture} (variational inference). Fitting
 * never changes the configuration, so one instance may fit many data sets from many threads.
 *
 * @param <M> the model a fit returns
 */
public interface MixtureEstimator<M extends MixtureModel> {

    /** Fits unweighted data. */
    default M fit(DataMatrix data) {
        return fit(data, null);
    }

    /**
     * Fits with a non-negative weight per row (gmm's extension of scikit-learn); integer weights give
     * the model of repeated rows.
     *
     * @param sampleWeights per-row weights, or null
     */
    M fit(DataMatrix data, double[] sampleWeights);

    /**
     * Fits from given responsibilities, scikit-learn's {@code _initialize(X, resp)}: one M-step from
     * them, then the iterations; one start.
     *
     * @param sampleWeights    per-row weights, or null
     * @param responsibilities N × K, each row non-negative and summing to 1
     * @throws IllegalArgumentException when the responsibilities have the wrong shape, a negative or
     *                                  non-finite value, or a row that does not sum to 1
     */
    M fitFromResponsibilities(DataMatrix data, double[] sampleWeights, double[][] responsibilities);

    /** Fits, then labels the training data with the final model (scikit-learn's {@code fit_predict}). */
    default int[] fitPredict(DataMatrix data) {
        return fit(data).predict(data);
    }
}
