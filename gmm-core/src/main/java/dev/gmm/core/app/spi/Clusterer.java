package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.NamedProvider;

import java.util.Map;

/**
 * A clustering method ("gmm", "kmeans", ...) behind one interface, so experiments compare them by
 * name. Implementations must be stateless and thread-safe.
 */
public interface Clusterer extends NamedProvider {

    /** Fits k clusters to the data. */
    FittedClusterer fit(DataMatrix data, Options options);

    /**
     * What a clusterer is asked to do.
     *
     * @param clusters the number of clusters k
     * @param seed     the seed of every random choice
     * @param nInit    how many starts to try (the best is kept)
     * @param extra    method-specific settings by name (e.g. "covariance_type" for gmm)
     */
    record Options(int clusters, long seed, int nInit, Map<String, String> extra) {
        /** Checks the numbers of clusters and starts, and copies the extra settings. */
        public Options {
            if (clusters < 1) {
                throw new IllegalArgumentException("clusters = " + clusters + ": ask for at least 1 cluster");
            }
            if (nInit < 1) {
                throw new IllegalArgumentException("nInit = " + nInit + ": use at least 1 start");
            }
            extra = Map.copyOf(extra);
        }

        /** {@code clusters} clusters from one start, with no extra settings. */
        public Options(int clusters, long seed) {
            this(clusters, seed, 1, Map.of());
        }
    }
}
