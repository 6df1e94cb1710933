package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.FitContext;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.Initializer;

import java.util.random.RandomGenerator;

/** scikit-learn's "k-means++": each component starts at one k-means++ seed row. */
public final class KMeansPlusPlusInitializer implements Initializer {
    @Override
    public String name() {
        return "k-means++";
    }

    @Override
    public String description() {
        return "each component starts at one k-means++ seed row";
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random) {
        return initialize(data, w, k, random, FitContext.SINGLE_THREAD);
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random,
                                              FitContext context) {
        return new InitialResponsibilities.SingleRows(KMeansPlusPlus.seedRows(data, w, k, random, context));
    }
}
