package dev.gmm.app.internal.experiments;

import dev.gmm.core.app.spi.FittedDetector;
import dev.gmm.metrics.AnomalyMetrics;

/**
 * How well one fitted detector's training scores and flags match the true anomalies.
 *
 * @param flagged   how many training rows the detector flagged
 * @param precision the share of flagged rows that are true anomalies
 * @param recall    the share of true anomalies that were flagged
 * @param rocAuc    area under the ROC curve of the scores
 * @param averagePrecision area under the precision-recall curve (sklearn's average precision)
 * @param scores    the training scores (higher is more anomalous), for curves
 */
record DetectionScores(int flagged, double precision, double recall, double rocAuc, double averagePrecision,
                       double[] scores) {

    static DetectionScores of(FittedDetector fitted, int[] truth) {
        boolean[] flags = fitted.flagged();
        int tp = 0;
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            positives += truth[i];
            if (flags[i] && truth[i] == 1) {
                tp++;
            }
        }
        int flagged = Stats.count(flags);
        double[] scores = fitted.trainingScores();
        return new DetectionScores(flagged, flagged == 0 ? 0 : (double) tp / flagged,
                positives == 0 ? 0 : (double) tp / positives, AnomalyMetrics.rocAucScore(truth, scores),
                AnomalyMetrics.averagePrecisionScore(truth, scores), scores);
    }

    /** Scores only (no flags): ROC AUC and average precision of raw anomaly scores. */
    static DetectionScores ofScores(double[] scores, int[] truth) {
        return new DetectionScores(0, Double.NaN, Double.NaN, AnomalyMetrics.rocAucScore(truth, scores),
                AnomalyMetrics.averagePrecisionScore(truth, scores), scores);
    }
}
