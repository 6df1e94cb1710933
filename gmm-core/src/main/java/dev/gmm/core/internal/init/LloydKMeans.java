package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.FitContext;

import java.util.random.RandomGenerator;

/**
 * The core's own k-means for the "kmeans" start, as scikit-learn's {@code KMeans(n_init=1)} runs it:
 * k-means++ seeding, then Lloyd iterations until the centres move by less than
 * 1e-4 × the mean feature variance (squared, summed), at most 300; an empty cluster takes the point
 * farthest from its centre.
 *
 * <p>The assignment runs on the active kernel ({@link DistancePass}), on the fit's threads; the per-cluster
 * sums are taken per chunk while its rows are in cache and reduced in chunk order, so the result does
 * not depend on the number of threads. Every buffer is allocated once, before the iterations.
 */
public final class LloydKMeans {
    static final int MAX_ITER = 300;
    static final double RELATIVE_TOL = 1e-4;
    /** Interleaved partial sums per chunk (a power of two). */
    private static final int COPIES = 4;

    private LloydKMeans() {
    }

    /** The labels of one seeded k-means run. */
    public static int[] labels(DataMatrix data, double[] sampleWeights, int k, RandomGenerator random,
                               FitContext context) {
        int n = data.rows();
        int d = data.cols();
        try (DistancePass pass = new DistancePass(data, k, context)) {
            int[] seeds = KMeansPlusPlus.seedRows(data, sampleWeights, k, random, pass);
            double[] centers = new double[k * d];
            double[] row = new double[d];
            for (int c = 0; c < k; c++) {
                data.copyRow(seeds[c], row, 0);
                System.arraycopy(row, 0, centers, c * d, d);
            }
            double tol = RELATIVE_TOL * meanVariance(data);
            int[] labels = new int[n];
            double[] distances = new double[n];
            double[] sums = new double[k * d];
            double[] counts = new double[k];
            int chunks = pass.chunks();
            // per chunk, COPIES interleaved partial sums: neighbouring rows (pixels) usually share a label, and
            // adding them into one slot would make every add wait for the previous one
            double[][] chunkSums = new double[chunks][COPIES * k * d];
            double[][] chunkCounts = new double[chunks][COPIES * k];
            double[][] rows = new double[chunks][d];
            boolean float64 = !data.isFloat32() && !data.isOffHeap(); // a float64 array is read in place
            for (int iter = 0; iter < MAX_ITER; iter++) {
                pass.nearest(centers, k, labels, distances, (c, from, to) -> {
                    double[] cs = chunkSums[c];
                    double[] cc = chunkCounts[c];
                    double[] x = rows[c];
                    java.util.Arrays.fill(cs, 0);
                    java.util.Arrays.fill(cc, 0);
                    for (int i = from; i < to; i++) {
                        double wi = sampleWeights == null ? 1 : sampleWeights[i];
                        int slot = (i & (COPIES - 1)) * k + labels[i];
                        cc[slot] += wi;
                        double[] values = float64 ? data.values() : x;
                        int o = float64 ? i * d : 0;
                        if (!float64) {
                            data.copyRow(i, x, 0);
                        }
                        for (int j = 0; j < d; j++) {
                            cs[slot * d + j] += wi * values[o + j];
                        }
                    }
                });
                java.util.Arrays.fill(sums, 0);
                java.util.Arrays.fill(counts, 0);
                for (int c = 0; c < chunks; c++) {
                    for (int copy = 0; copy < COPIES; copy++) {
                        for (int t = 0; t < sums.length; t++) {
                            sums[t] += chunkSums[c][copy * k * d + t];
                        }
                        for (int t = 0; t < k; t++) {
                            counts[t] += chunkCounts[c][copy * k + t];
                        }
                    }
                }
                relocateEmpty(data, k, labels, distances, sums, counts, sampleWeights, row);
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
            pass.nearest(centers, k, labels, distances, null);
            return labels;
        }
    }

    private static void relocateEmpty(DataMatrix data, int k, int[] labels, double[] distances, double[] sums,
                                      double[] counts, double[] sampleWeights, double[] row) {
        int d = data.cols();
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
            data.copyRow(far, row, 0);
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= w * row[j];
                sums[c * d + j] = w * row[j];
            }
            counts[c] = w;
            labels[far] = c;
            distances[far] = 0;
        }
    }

    /** The mean over features of each feature's (two-pass) variance. */
    private static double meanVariance(DataMatrix data) {
        int n = data.rows();
        int d = data.cols();
        double[] mean = new double[d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            data.copyRow(i, row, 0);
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] variance = new double[d];
        for (int i = 0; i < n; i++) {
            data.copyRow(i, row, 0);
            for (int j = 0; j < d; j++) {
                double diff = row[j] - mean[j];
                variance[j] += diff * diff;
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += variance[j] / n;
        }
        return total / d;
    }
}
