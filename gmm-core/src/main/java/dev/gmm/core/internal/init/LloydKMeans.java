package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;

import java.util.random.RandomGenerator;

/**
 * The core's own k-means for the "kmeans" start, as scikit-learn's {@code KMeans(n_init=1)} runs it:
 * k-means++ seeding, then Lloyd iterations until the centres move by less than
 * 1e-4 × the mean feature variance (squared, summed), at most 300; an empty cluster takes the point
 * farthest from its centre.
 */
public final class LloydKMeans {
    static final int MAX_ITER = 300;
    static final double RELATIVE_TOL = 1e-4;

    private LloydKMeans() {
    }

    /** The labels of one seeded k-means run. */
    public static int[] labels(DataMatrix data, double[] sampleWeights, int k, RandomGenerator random) {
        int n = data.rows();
        int d = data.cols();
        double[] x = data.toFloat64().values();
        int[] seeds = KMeansPlusPlus.seedRows(data, sampleWeights, k, random);
        double[] centers = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(x, seeds[c] * d, centers, c * d, d);
        }
        double tol = RELATIVE_TOL * meanVariance(x, n, d);
        int[] labels = new int[n];
        double[] distances = new double[n];
        double[] sums = new double[k * d];
        double[] counts = new double[k];
        for (int iter = 0; iter < MAX_ITER; iter++) {
            assign(x, n, d, centers, k, labels, distances);
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                double w = sampleWeights == null ? 1 : sampleWeights[i];
                int c = labels[i];
                counts[c] += w;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += w * x[i * d + j];
                }
            }
            relocateEmpty(x, d, k, labels, distances, sums, counts, sampleWeights);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double updated = sums[c * d + j] / counts[c];
                    double delta = updated - centers[c * d + j];
                    shift += delta * delta;
                    centers[c * d + j] = updated;
                }
            }
            if (shift <= tol) {
                break;
            }
        }
        assign(x, n, d, centers, k, labels, distances);
        return labels;
    }

    private static void assign(double[] x, int n, int d, double[] centers, int k, int[] labels, double[] distances) {
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = KMeansPlusPlus.squaredDistance(x, i, centers, c, d);
                if (s < bestDistance) {
                    bestDistance = s;
                    best = c;
                }
            }
            labels[i] = best;
            distances[i] = bestDistance;
        }
    }

    private static void relocateEmpty(double[] x, int d, int k, int[] labels, double[] distances, double[] sums,
                                      double[] counts, double[] sampleWeights) {
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                continue;
            }
            int far = 0;
            for (int i = 1; i < distances.length; i++) {
                if (distances[i] > distances[far]) {
                    far = i;
                }
            }
            double w = sampleWeights == null ? 1 : sampleWeights[far];
            int old = labels[far];
            counts[old] -= w;
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= w * x[far * d + j];
                sums[c * d + j] = w * x[far * d + j];
            }
            counts[c] = w;
            labels[far] = c;
            distances[far] = 0;
        }
    }

    private static double meanVariance(double[] x, int n, int d) {
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                double diff = x[i * d + j] - mean;
                v += diff * diff;
            }
            total += v / n;
        }
        return total / d;
    }
}
