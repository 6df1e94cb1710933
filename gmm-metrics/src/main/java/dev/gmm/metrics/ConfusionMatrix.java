package dev.gmm.metrics;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * How many samples of each true class (rows) fell in each predicted cluster (columns), with the
 * clusters' best one-to-one map to the classes ({@link BestMap}): the one confusion matrix every
 * experiment shows. {@link #of} counts in ascending label order; {@link #matchedOnDiagonal()}
 * reorders the columns so each matched cluster sits under its class; {@link #heatmap} turns either
 * into report data.
 *
 * @param classes      the true labels present, ascending: row {@code i} counts class {@code classes[i]}
 * @param clusters     the predicted labels present, in column order: column {@code j} counts cluster {@code clusters[j]}
 * @param counts       {@code counts[i][j]}: samples of class {@code classes[i]} in cluster {@code clusters[j]}
 * @param matchedClass the class label the best map gives column {@code j}'s cluster, or -1 for none
 *                     (more clusters than classes)
 * @param accuracy     the best map's accuracy: matched samples over all samples
 */
public record ConfusionMatrix(int[] classes, int[] clusters, long[][] counts, int[] matchedClass, double accuracy) {

    /** Names a column from its cluster label and the class label matched to it (-1 when none). */
    @FunctionalInterface
    public interface ColumnLabel {
        /** The label of the column of {@code cluster}, whose matched class is {@code matchedClass} (or -1). */
        String of(int cluster, int matchedClass);
    }

    /** Counts {@code truth} against {@code predicted} (one label each per sample) and finds the best map. */
    public static ConfusionMatrix of(int[] truth, int[] predicted) {
        BestMap map = ClusteringMetrics.bestMapAccuracy(truth, predicted);
        return new ConfusionMatrix(IntStream.of(truth).distinct().sorted().toArray(),
                IntStream.of(predicted).distinct().sorted().toArray(), map.confusion(), map.clusterToClass(),
                map.accuracy());
    }

    /**
     * The same counts with the columns reordered by the class matched to them (ascending), unmatched
     * clusters last in their label order: a perfect clustering is then diagonal.
     */
    public ConfusionMatrix matchedOnDiagonal() {
        Integer[] order = IntStream.range(0, clusters.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(j -> matchedClass[j] < 0 ? Integer.MAX_VALUE : matchedClass[j]));
        long[][] reordered = new long[counts.length][order.length];
        int[] reorderedClusters = new int[order.length];
        int[] reorderedMatches = new int[order.length];
        for (int col = 0; col < order.length; col++) {
            int j = order[col];
            reorderedClusters[col] = clusters[j];
            reorderedMatches[col] = matchedClass[j];
            for (int i = 0; i < counts.length; i++) {
                reordered[i][col] = counts[i][j];
            }
        }
        return new ConfusionMatrix(classes, reorderedClusters, reordered, reorderedMatches, accuracy);
    }

    /** The counts as doubles, for a heat map. */
    public double[][] values() {
        double[][] v = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            v[i] = Arrays.stream(counts[i]).asDoubleStream().toArray();
        }
        return v;
    }

    /**
     * The matrix as a heat map: rows named by {@code rowLabel} of their class label, columns by
     * {@code columnLabel} of their cluster and matched class.
     */
    public Heatmap heatmap(String title, IntFunction<String> rowLabel, ColumnLabel columnLabel) {
        List<String> rows = IntStream.of(classes).mapToObj(rowLabel).toList();
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < clusters.length; j++) {
            columns.add(columnLabel.of(clusters[j], matchedClass[j]));
        }
        return new Heatmap(title, rows, columns, values());
    }

    /** As {@link #heatmap(String, IntFunction, ColumnLabel)}, columns named "cluster 2 → setosa" ({@link #arrow}). */
    public Heatmap heatmap(String title, IntFunction<String> className) {
        return heatmap(title, className, arrow(className));
    }

    /** Columns named "cluster 2 → setosa", or "cluster 2" for a cluster matched to no class. */
    public static ColumnLabel arrow(IntFunction<String> className) {
        return (cluster, matched) -> "cluster " + cluster + (matched >= 0 ? " → " + className.apply(matched) : "");
    }

    /** Class label {@code i}'s name: {@code names.get(i)}, or the number itself past the list's end. */
    public static IntFunction<String> names(List<String> names) {
        return i -> i >= 0 && i < names.size() ? names.get(i) : Integer.toString(i);
    }
}
