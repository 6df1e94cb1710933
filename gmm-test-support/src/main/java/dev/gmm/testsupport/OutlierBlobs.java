package dev.gmm.testsupport;

import java.util.Random;

/**
 * Test data like the study's: 2-D Gaussian blobs around 3 centres with uniform outliers injected
 * over a box that encloses them; plus the scores the tests judge by (rank-based ROC AUC, ARI),
 * written out here so the tests of gmm-core (which may not depend on gmm-metrics) can use them.
 *
 * @param points  the rows, inliers first
 * @param blob    each row's centre, or -1 for an outlier
 * @param outlier whether each row is an injected outlier
 */
public record OutlierBlobs(double[][] points, int[] blob, boolean[] outlier) {

    /** The three blob centres. */
    public static final double[][] CENTRES = {{-5, -5}, {0, 5}, {5, -3}};

    /** {@code n} points of which round(contamination × n) are uniform outliers in [-10, 10]². */
    public static OutlierBlobs generate(int n, double contamination, long seed) {
        Random random = new Random(seed);
        int outliers = (int) Math.round(contamination * n);
        double[][] x = new double[n][2];
        int[] blob = new int[n];
        boolean[] outlier = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i < n - outliers) {
                blob[i] = i % CENTRES.length;
                x[i][0] = CENTRES[blob[i]][0] + 0.7 * random.nextGaussian();
                x[i][1] = CENTRES[blob[i]][1] + 0.7 * random.nextGaussian();
            } else {
                blob[i] = -1;
                outlier[i] = true;
                x[i][0] = -10 + 20 * random.nextDouble();
                x[i][1] = -10 + 20 * random.nextDouble();
            }
        }
        return new OutlierBlobs(x, blob, outlier);
    }

    /** ROC AUC by ranks (Mann–Whitney U): the chance an outlier scores above an inlier, ties half. */
    public static double rocAuc(double[] scores, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (positive[j]) {
                    continue;
                }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    /** How many of the flags are set: the number of rows a detector flagged. */
    public static int countFlagged(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    /** Adjusted Rand index of two labelings (Hubert and Arabie). */
    public static double adjustedRand(int[] a, int[] b) {
        int ka = java.util.Arrays.stream(a).max().orElse(0) + 1;
        int kb = java.util.Arrays.stream(b).max().orElse(0) + 1;
        long[][] table = new long[ka][kb];
        long[] rowSums = new long[ka];
        long[] colSums = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rowSums[a[i]]++;
            colSums[b[i]]++;
        }
        double index = 0;
        double sumA = 0;
        double sumB = 0;
        for (long[] row : table) {
            for (long v : row) {
                index += pairs(v);
            }
        }
        for (long v : rowSums) {
            sumA += pairs(v);
        }
        for (long v : colSums) {
            sumB += pairs(v);
        }
        double expected = sumA * sumB / pairs(a.length);
        double max = (sumA + sumB) / 2;
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
