package dev.gmm.app.internal.experiments;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which components of a variational mixture the data kept: those whose weight is at least a threshold
 * (as {@code gmm fit --method variational} counts them).
 * A prior that switches a component off leaves it a tiny weight, never exactly zero, so "how many
 * components survive" needs a line; the experiments use {@link #THRESHOLD} and report the weights on
 * either side of it, so a reader sees whether the count depends on where the line is.
 */
final class SurvivingComponents {
    /**
     * 1 % of the weight: on Iris's 150 flowers a component below it owns fewer than 1.5 flowers, which
     * is no cluster, while the components the data need hold several per cent each.
     */
    static final double THRESHOLD = 1e-2;

    private SurvivingComponents() {
    }

    /** How many weights are at least {@code threshold}. */
    static int count(double[] weights, double threshold) {
        return indices(weights, threshold).length;
    }

    /** The components whose weight is at least {@code threshold}, in index order. */
    static int[] indices(double[] weights, double threshold) {
        return IntStream.range(0, weights.length).filter(k -> weights[k] >= threshold).toArray();
    }

    /** The weights, largest first (the bar chart's order). */
    static double[] sortedDescending(double[] weights) {
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    /** The largest weight below {@code threshold} (0 when none is). */
    static double largestBelow(double[] weights, double threshold) {
        return Arrays.stream(weights).filter(w -> w < threshold).max().orElse(0);
    }

    /** The smallest weight at or above {@code threshold} (NaN when none is). */
    static double smallestAbove(double[] weights, double threshold) {
        return Arrays.stream(weights).filter(w -> w >= threshold).min().orElse(Double.NaN);
    }
}
