package dev.gmm.metrics;

/**
 * A precision-recall curve in sklearn's form ({@code precision_recall_curve}): thresholds increasing,
 * precision and recall one longer, ending at precision 1 and recall 0.
 *
 * @param precision  precision at each threshold, then 1
 * @param recall     recall at each threshold, then 0 (non-increasing)
 * @param thresholds every distinct score, increasing (sklearn >= 1.1 keeps them all)
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
}
