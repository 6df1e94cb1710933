package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.FitContext;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.Initializer;

import java.util.random.RandomGenerator;

/** scikit-learn's default start: the hard labels of one k-means run. */
public final class KMeansInitializer implements Initializer {
    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public String description() {
        return "hard labels of one k-means run (k-means++ seeding + Lloyd), sklearn's default";
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random) {
        return initialize(data, w, k, random, FitContext.SINGLE_THREAD);
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random,
                                              FitContext context) {
        return new InitialResponsibilities.HardLabels(LloydKMeans.labels(data, w, k, random, context));
    }
}
