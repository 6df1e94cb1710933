package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.RowChunks;
import dev.gmm.core.internal.WorkerPool;

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
        int[] bounds = RowChunks.bounds(n);
        int chunks = bounds.length - 1;
        double[][] chunkSums = new double[chunks][k * d];
        double[][] chunkCounts = new double[chunks][k];
        try (WorkerPool pool = new WorkerPool(Math.min(chunks, Runtime.getRuntime().availableProcessors()), null)) {
            for (int iter = 0; iter < MAX_ITER; iter++) {
                // assignment and per-chunk sums in parallel, reduced in chunk order (thread-count independent)
                pool.run(chunks, (c, w) -> {
                    assign(x, bounds[c], bounds[c + 1], d, centers, k, labels, distances);
                    double[] cs = chunkSums[c];
                    double[] cc = chunkCounts[c];
                    java.util.Arrays.fill(cs, 0);
                    java.util.Arrays.fill(cc, 0);
                    for (int i = bounds[c]; i < bounds[c + 1]; i++) {
                        double wi = sampleWeights == null ? 1 : sampleWeights[i];
                        int l = labels[i];
                        cc[l] += wi;
                        for (int j = 0; j < d; j++) {
                            cs[l * d + j] += wi * x[i * d + j];
                        }
                    }
                });
                java.util.Arrays.fill(sums, 0);
                java.util.Arrays.fill(counts, 0);
                for (int c = 0; c < chunks; c++) {
                    for (int t = 0; t < sums.length; t++) {
                        sums[t] += chunkSums[c][t];
                    }
                    for (int t = 0; t < k; t++) {
                        counts[t] += chunkCounts[c][t];
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
            pool.run(chunks, (c, w) -> assign(x, bounds[c], bounds[c + 1], d, centers, k, labels, distances));
        }
        return labels;
    }

    private static void assign(double[] x, int from, int to, int d, double[] centers, int k, int[] labels,
                               double[] distances) {
        for (int i = from; i < to; i++) {
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
