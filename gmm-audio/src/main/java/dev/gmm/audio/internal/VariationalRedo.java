package dev.gmm.audio.internal;

import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.metrics.ClusteringMetrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emotion question redone with a variational mixture (Dirichlet process, scikit-learn's default
 * priors, k-means start): once with as many components as the question has classes, for each
 * covariance type, scored like the EM grid; and once given room for {@link #ROOM} full components,
 * to see how many the data keep. Its covariance prior keeps every component's covariance well
 * defined, which is what changes for 27 features and a dozen recordings.
 *
 * @param accuracyByCovariance best-map accuracy per covariance type (NaN when the fit failed)
 * @param kept                 components with weight at least {@link #THRESHOLD} out of {@link #ROOM}
 */
record VariationalRedo(Map<String, Double> accuracyByCovariance, int kept) {
    static final int ROOM = 10;
    /** The report's line for a surviving component (the variational experiment's): 1 % of the weight. */
    static final double THRESHOLD = 1e-2;

    static VariationalRedo run(DataMatrix data, int[] truth, int classes, long seed) {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (String covariance : GridPoint.COVARIANCE_TYPES) {
            double score;
            try {
                score = ClusteringMetrics.bestMapAccuracy(truth, fit(data, classes, covariance, seed).predict(data))
                        .accuracy();
            } catch (RuntimeException e) { // as in the grid: a failed fit is a missing score, not a failed experiment
                score = Double.NaN;
            }
            accuracy.put(covariance, score);
        }
        int roomy = Math.min(ROOM, data.rows());
        double[] weights = fit(data, roomy, "full", seed).weights();
        return new VariationalRedo(accuracy, (int) Arrays.stream(weights).filter(w -> w >= THRESHOLD).count());
    }

    private static BayesianGaussianMixtureModel fit(DataMatrix data, int components, String covariance, long seed) {
        return BayesianGaussianMixture.builder().components(components).covarianceType(covariance).seed(seed)
                .threads(1).build().fit(data);
    }

    /** The best accuracy over the covariance types (NaN when every fit failed). */
    double best() {
        return accuracyByCovariance.values().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
    }

    /** The covariance type of {@link #best()}, the first on ties. */
    String bestCovariance() {
        return accuracyByCovariance.entrySet().stream().filter(e -> e.getValue() == best()).map(Map.Entry::getKey)
                .findFirst().orElse("none");
    }

    /**
     * How the best variational accuracy sits against the EM grid: above its best changes the answer;
     * otherwise it is within the grid's range, at or above its median or below it.
     */
    static String against(double variational, double gridBest, double gridMedian) {
        if (!Double.isFinite(variational)) {
            return "every variational fit failed";
        }
        if (variational > gridBest) {
            return "above the best of the EM grid: the variational model changes the answer";
        }
        return (variational >= gridMedian ? "within the EM grid's range, at or above its median"
                : "below the EM grid's median") + ": it does not change the answer";
    }

    List<Object> row(String task) {
        return List.of(task, accuracyByCovariance.get("full"), accuracyByCovariance.get("tied"),
                accuracyByCovariance.get("diag"), accuracyByCovariance.get("spherical"), kept);
    }
}
