package dev.gmm.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Metrics of anomaly scores against a 0/1 truth (1 = anomaly; higher score = more anomalous), with
 * scikit-learn's definitions ({@code sklearn.metrics} 1.2): ROC and precision-recall curves, their
 * areas, and precision / recall / F1 at a threshold or a contamination rate. Stateless and
 * thread-safe.
 */
public final class AnomalyMetrics {

    private AnomalyMetrics() {
    }

    /**
     * The ROC curve, point for point as sklearn's {@code roc_curve(truth, scores, drop_intermediate)}:
     * with {@code dropIntermediate}, collinear points that cannot change the area are dropped.
     */
    public static RocCurve rocCurve(int[] truth, double[] scores, boolean dropIntermediate) {
        requireBothClasses(truth, scores);
        Counts counts = counts(truth, scores);
        double[] fps = counts.fps;
        double[] tps = counts.tps;
        double[] thr = counts.thresholds;
        int m = fps.length;
        int[] keep;
        if (dropIntermediate && m > 2) {
            keep = IntStream.range(0, m).filter(i -> i == 0 || i == m - 1
                    || fps[i - 1] - 2 * fps[i] + fps[i + 1] != 0
                    || tps[i - 1] - 2 * tps[i] + tps[i + 1] != 0).toArray();
        } else {
            keep = IntStream.range(0, m).toArray();
        }
        double[] fpr = new double[keep.length + 1];
        double[] tpr = new double[keep.length + 1];
        double[] thresholds = new double[keep.length + 1];
        double fpTotal = fps[m - 1];
        double tpTotal = tps[m - 1];
        thresholds[0] = thr[keep[0]] + 1; // sklearn 1.2: an extra point so the curve starts at (0, 0)
        for (int p = 0; p < keep.length; p++) {
            fpr[p + 1] = fps[keep[p]] / fpTotal;
            tpr[p + 1] = tps[keep[p]] / tpTotal;
            thresholds[p + 1] = thr[keep[p]];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Area under the ROC curve (trapezoids over sklearn's curve), as {@code roc_auc_score}. */
    public static double rocAucScore(int[] truth, double[] scores) {
        RocCurve roc = rocCurve(truth, scores, true);
        double area = 0;
        double[] x = roc.fpr();
        double[] y = roc.tpr();
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return area;
    }

    /** The precision-recall curve, as sklearn's {@code precision_recall_curve(truth, scores)}. */
    public static PrecisionRecallCurve precisionRecallCurve(int[] truth, double[] scores) {
        requireAnomalyInput(truth, scores);
        if (Arrays.stream(truth).noneMatch(t -> t == 1)) {
            throw new IllegalArgumentException("truth has no anomaly (no 1); recall and the precision-recall curve"
                    + " are undefined; pass a truth with at least one positive sample");
        }
        Counts counts = counts(truth, scores);
        double[] tps = counts.tps;
        double[] fps = counts.fps;
        int m = tps.length;
        double tpTotal = tps[m - 1];
        int last = m - 1; // sklearn >= 1.1 keeps every threshold, not only those up to full recall
        int len = m;
        double[] precision = new double[len + 1];
        double[] recall = new double[len + 1];
        double[] thresholds = new double[len];
        for (int p = 0; p < len; p++) {
            int i = last - p;
            double predicted = tps[i] + fps[i];
            precision[p] = predicted == 0 ? 0.0 : tps[i] / predicted;
            recall[p] = tps[i] / tpTotal;
            thresholds[p] = counts.thresholds[i];
        }
        precision[len] = 1.0;
        recall[len] = 0.0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /** Average precision (step-wise area under the precision-recall curve), as {@code average_precision_score}. */
    public static double averagePrecisionScore(int[] truth, double[] scores) {
        PrecisionRecallCurve pr = precisionRecallCurve(truth, scores);
        double[] p = pr.precision();
        double[] r = pr.recall();
        double sum = 0;
        for (int i = 0; i < r.length - 1; i++) {
            sum += (r[i + 1] - r[i]) * p[i];
        }
        return -sum;
    }

    /** Precision, recall, F1 and the confusion matrix when {@code score >= threshold} is flagged. */
    public static ThresholdReport atThreshold(int[] truth, double[] scores, double threshold) {
        requireAnomalyInput(truth, scores);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN; pass a score value");
        }
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (truth[i] == 1) {
                if (flagged) tp++; else fn++;
            } else {
                if (flagged) fp++; else tn++;
            }
        }
        double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new ThresholdReport(threshold, precision, recall, f1, new long[][] {{tn, fp}, {fn, tp}});
    }

    /**
     * As {@link #atThreshold} with the threshold at the {@code round(rate * n)}-th highest score, so
     * (ties apart) that fraction of the samples is flagged; {@code rate} in (0, 1].
     */
    public static ThresholdReport atContamination(int[] truth, double[] scores, double rate) {
        requireAnomalyInput(truth, scores);
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("contamination rate is " + rate + "; it must be in (0, 1]");
        }
        int flagged = (int) Math.max(1, Math.round(rate * scores.length));
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return atThreshold(truth, scores, sorted[sorted.length - flagged]);
    }

    // ---------------------------------------------------------------- helpers

    /** sklearn's _binary_clf_curve: cumulative fps/tps at each distinct score, scores decreasing. */
    private record Counts(double[] fps, double[] tps, double[] thresholds) {
    }

    private static Counts counts(int[] truth, double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] fps = new double[scores.length];
        double[] tps = new double[scores.length];
        double[] thr = new double[scores.length];
        int m = 0;
        long tp = 0;
        for (int p = 0; p < order.length; p++) {
            int i = order[p];
            tp += truth[i];
            boolean lastOfValue = p == order.length - 1 || scores[order[p + 1]] != scores[i];
            if (lastOfValue) {
                tps[m] = tp;
                fps[m] = p + 1 - tp;
                thr[m] = scores[i];
                m++;
            }
        }
        return new Counts(Arrays.copyOf(fps, m), Arrays.copyOf(tps, m), Arrays.copyOf(thr, m));
    }

    private static void requireAnomalyInput(int[] truth, double[] scores) {
        if (truth == null || scores == null) {
            throw new IllegalArgumentException((truth == null ? "truth" : "scores") + " is null; pass one value per sample");
        }
        if (truth.length != scores.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " labels but scores has " + scores.length
                    + " values; both must describe the same samples");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("truth and scores are empty; pass at least one sample");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("truth[" + i + "] is " + truth[i]
                        + "; anomaly truth must be 1 (anomaly) or 0 (normal)");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is " + scores[i]
                        + "; scores must be finite (check the detector's output for NaN)");
            }
        }
    }

    private static void requireBothClasses(int[] truth, double[] scores) {
        requireAnomalyInput(truth, scores);
        long positives = Arrays.stream(truth).filter(t -> t == 1).count();
        if (positives == 0 || positives == truth.length) {
            throw new IllegalArgumentException("Only one class present in y_true (truth is all "
                    + truth[0] + "). ROC AUC score is not defined in that case; pass a truth with both"
                    + " anomalies (1) and normal samples (0)");
        }
    }
}
