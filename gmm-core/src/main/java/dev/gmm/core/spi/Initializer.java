package dev.gmm.core.spi;

import dev.gmm.core.DataMatrix;

import java.util.random.RandomGenerator;

/**
 * A way to start EM ("kmeans", "k-means++", "random", "random_from_data", or a plugin's own).
 * Implementations must be stateless and thread-safe; all randomness comes from {@code random}.
 */
public interface Initializer extends NamedProvider {

    /**
     * Starting parameters for EM.
     *
     * @param data          the samples (finite, validated)
     * @param sampleWeights per-row weights, or null for unweighted
     * @param components    K, at most the number of rows
     * @param random        the only source of randomness, seeded by the caller
     */
    InitialResponsibilities initialize(DataMatrix data, double[] sampleWeights, int components, RandomGenerator random);

    /**
     * As {@link #initialize(DataMatrix, double[], int, RandomGenerator)}, on the fit's threads: what the
     * engine calls. An initializer that runs passes over the data overrides this one to use
     * {@code context}; the default ignores it. The result must not depend on the number of threads.
     */
    default InitialResponsibilities initialize(DataMatrix data, double[] sampleWeights, int components,
                                               RandomGenerator random, FitContext context) {
        return initialize(data, sampleWeights, components, random);
    }
}
