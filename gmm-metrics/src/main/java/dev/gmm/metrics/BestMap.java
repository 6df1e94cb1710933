package dev.gmm.metrics;

/**
 * The best one-to-one assignment of clusters to classes and the accuracy it gives (the study's
 * "assign each emotion to its cluster" metric), found by the Hungarian algorithm on the contingency
 * table.
 *
 * @param accuracy       matched samples / all samples, in [0, 1]
 * @param clusterToClass for the j-th distinct predicted label (ascending; for labels 0..K-1 that is
 *                       label j itself) the true class it is mapped to, or -1 when it got no class
 * @param confusion      the contingency table: rows are true classes, columns predicted clusters,
 *                       both in ascending label order
 */
public record BestMap(double accuracy, int[] clusterToClass, long[][] confusion) {
}
