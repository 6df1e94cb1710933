package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The {@link FittedDetector} contract, ready made: a fitted detector whose threshold is the
 * contamination quantile of its training scores. Exactly round(contamination × n) training rows are
 * flagged, the highest-scoring ones (ties broken by row order, so the count is exact even when
 * scores tie), and new rows are flagged when they score above the highest unflagged training score.
 *
 * <p>An {@link AnomalyDetector} fits its model, scores the training rows, and returns
 * {@code new ContaminationThreshold(width, model::scores, trainingScores, options.contamination())};
 * the built-in detectors ("gmm-density", "isolation-forest") all do. Instances are immutable and
 * as thread-safe as the scorer they are given.
 */
public final class ContaminationThreshold implements FittedDetector {

    private final int width;
    private final Function<DataMatrix, double[]> scorer;
    private final double[] trainingScores;
    private final boolean[] flagged;
    private final double threshold;

    /**
     * Scores the training rows once and flags the top {@code contamination} share of them.
     *
     * @param width          the training data's number of columns (new data must match)
     * @param scorer         scores rows; higher is more anomalous
     * @param trainingScores the scores of the training rows
     * @param contamination  the share to flag, in (0, 0.5] (as {@link AnomalyDetector.Options} checks)
     */
    public ContaminationThreshold(int width, Function<DataMatrix, double[]> scorer,
                                  double[] trainingScores, double contamination) {
        this.width = width;
        this.scorer = scorer;
        this.trainingScores = trainingScores.clone();
        int n = trainingScores.length;
        int outliers = (int) Math.round(contamination * n);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Descending by score; Arrays.sort on objects is stable, so ties keep row order.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> trainingScores[i]).reversed());
        flagged = new boolean[n];
        for (int r = 0; r < outliers; r++) {
            flagged[order[r]] = true;
        }
        // The highest score that is not flagged: rows scoring above it are anomalies.
        threshold = outliers < n ? trainingScores[order[outliers]] : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double[] score(DataMatrix data) {
        requireWidth(data, width);
        data.requireFinite("data");
        return scorer.apply(data);
    }

    @Override
    public double[] trainingScores() {
        return trainingScores.clone();
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public boolean[] flagged() {
        return flagged.clone();
    }

    /**
     * Fails with a clear message when there are too few training rows: a contamination quantile of
     * one score says nothing, and Smile's forest refuses a single row with a message of its own.
     */
    public static void requireTrainingRows(DataMatrix data) {
        if (data.rows() < 2) {
            throw new IllegalArgumentException("data has " + data.rows() + " row: an anomaly detector needs at least 2 "
                    + "training rows to rank them; fit on more data");
        }
    }

    /** Fails with a clear message when new data has another number of columns than the training data. */
    public static void requireWidth(DataMatrix data, int width) {
        if (data.cols() != width) {
            throw new IllegalArgumentException("data has " + data.cols() + " columns but the model was fitted on "
                    + width + ": score data with the same features as the training data");
        }
    }
}
