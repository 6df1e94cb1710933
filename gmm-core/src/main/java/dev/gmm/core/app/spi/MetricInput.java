package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;

/**
 * Everything a metric may look at; absent parts are null and metrics that need them say they do not
 * apply.
 *
 * @param data          the samples (internal clustering metrics)
 * @param predicted     predicted cluster labels
 * @param truth         true class labels (external clustering metrics)
 * @param scores        anomaly scores, higher is more anomalous (anomaly metrics)
 * @param anomalyTruth  1 for a true anomaly, 0 otherwise (anomaly metrics)
 */
public record MetricInput(DataMatrix data, int[] predicted, int[] truth, double[] scores, int[] anomalyTruth) {

    /** Input for clustering metrics: the data, the predicted labels and the true ones (or null). */
    public static MetricInput clustering(DataMatrix data, int[] predicted, int[] truth) {
        return new MetricInput(data, predicted, truth, null, null);
    }

    /** Input for anomaly metrics: the scores and which rows are true anomalies. */
    public static MetricInput anomaly(double[] scores, int[] anomalyTruth) {
        return new MetricInput(null, null, null, scores, anomalyTruth);
    }
}
