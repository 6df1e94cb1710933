package dev.gmm.metrics;

/**
 * A receiver operating characteristic curve in sklearn's form ({@code roc_curve}): points in order of
 * decreasing threshold, starting at (0, 0) with threshold {@code max(score) + 1}.
 *
 * @param fpr        false positive rates, non-decreasing
 * @param tpr        true positive rates, non-decreasing
 * @param thresholds decreasing score thresholds; a sample is predicted positive when its score is
 *                   {@code >=} the threshold
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
}
