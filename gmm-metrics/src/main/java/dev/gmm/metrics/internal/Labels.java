package dev.gmm.metrics.internal;

import java.util.Arrays;

/**
 * Labels re-coded as 0..k-1 in ascending order of the original values (numpy's {@code unique} with
 * {@code return_inverse}).
 *
 * @param classes the distinct original labels, ascending
 * @param codes   for each sample, the index of its label in {@code classes}
 */
public record Labels(int[] classes, int[] codes) {

    /** Encodes {@code labels}. */
    public static Labels encode(int[] labels) {
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = Arrays.binarySearch(classes, labels[i]);
        }
        return new Labels(classes, codes);
    }

    /** How many distinct labels there are. */
    public int count() {
        return classes.length;
    }

    /** How many samples carry each code. */
    public long[] sizes() {
        long[] sizes = new long[classes.length];
        for (int c : codes) {
            sizes[c]++;
        }
        return sizes;
    }
}
