package dev.gmm.app.internal.experiments;

import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.ContaminationThreshold;
import dev.gmm.core.app.spi.FittedDetector;

/**
 * The anomaly question's variational arm: gmm-density's score (−log density, the contamination share
 * flagged) from a variational mixture that is given room for 10 full components and left to switch
 * off those it does not need (Dirichlet process, scikit-learn's default priors), where gmm-density
 * is told the number of blobs.
 */
final class VariationalDensity {
    static final int MAX_COMPONENTS = 10;

    private VariationalDensity() {
    }

    static BayesianGaussianMixtureModel model(DataMatrix data, long seed) {
        return BayesianGaussianMixture.builder().components(MAX_COMPONENTS).covarianceType("full").seed(seed)
                .threads(1).build().fit(data);
    }

    static FittedDetector detector(BayesianGaussianMixtureModel model, DataMatrix training, double contamination) {
        return new ContaminationThreshold(training.cols(), rows -> negativeLogDensity(model, rows),
                negativeLogDensity(model, training), contamination);
    }

    private static double[] negativeLogDensity(BayesianGaussianMixtureModel model, DataMatrix rows) {
        double[] scores = model.scoreSamples(rows);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -scores[i];
        }
        return scores;
    }
}
