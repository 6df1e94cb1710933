package dev.gmm.core.app.spi;

import dev.gmm.core.spi.NamedProvider;

/**
 * A score of a clustering or of anomaly scores, named as scikit-learn names it
 * ({@code "silhouette_score"}, {@code "adjusted_rand_score"}, {@code "roc_auc_score"}, ...).
 */
public interface ClusterMetric extends NamedProvider {

    /** Whether the input has what this metric needs. */
    boolean appliesTo(MetricInput input);

    /**
     * The metric's value for the input.
     *
     * @throws IllegalArgumentException when the input does not apply or the metric is undefined for it
     *                                  (e.g. silhouette with a single cluster), saying why
     */
    double compute(MetricInput input);

    /** Whether larger values mean a better clustering. */
    default boolean higherIsBetter() {
        return true;
    }
}
