package dev.gmm.metrics;

/**
 * Detection quality when samples with {@code score >= threshold} are flagged as anomalies (positive
 * class 1). Precision, recall and F1 are 0 where their denominator is 0 (sklearn's
 * {@code zero_division} result, without the warning).
 *
 * @param threshold the score threshold used
 * @param precision tp / (tp + fp)
 * @param recall    tp / (tp + fn)
 * @param f1        harmonic mean of precision and recall
 * @param confusion sklearn's {@code confusion_matrix} layout: {@code [[tn, fp], [fn, tp]]}
 */
public record ThresholdReport(double threshold, double precision, double recall, double f1, long[][] confusion) {

    /** True positives: anomalies flagged. */
    public long truePositives() {
        return confusion[1][1];
    }

    /** False positives: normal samples flagged. */
    public long falsePositives() {
        return confusion[0][1];
    }

    /** True negatives: normal samples not flagged. */
    public long trueNegatives() {
        return confusion[0][0];
    }

    /** False negatives: anomalies missed. */
    public long falseNegatives() {
        return confusion[1][0];
    }
}
