package dev.gmm.metrics.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact per-sample silhouette values. Distances are computed as sklearn's {@code euclidean_distances}
 * does (‖x‖² − 2x·y + ‖y‖², clipped at 0, zero diagonal), row against a block of rows, using symmetry
 * so each pair is computed once; the inner loops run over a transposed block so the JIT vectorises
 * them. Row blocks are dealt to a fixed number of groups that run in parallel on the common pool,
 * each with its own per-cluster sums, reduced in group order: the result is bit-for-bit the same
 * whatever the number of cores or the scheduling.
 */
public final class Silhouette {

    private static final int BLOCK = 256;
    /** At most this many independent groups (and per-group sum arrays). */
    private static final int MAX_GROUPS = 8;
    /** At most this many doubles (64 MiB) of per-group sums in all. */
    private static final long GROUP_BUDGET = 1L << 23;

    private Silhouette() {
    }

    /**
     * @param x     row-major samples, n x d
     * @param codes cluster codes 0..k-1
     * @param k     number of clusters
     */
    public static double[] samples(double[] x, int n, int d, int[] codes, int k) {
        double[] transposed = new double[d * n];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double v = x[i * d + c];
                transposed[c * n + i] = v;
                s += v * v;
            }
            norms[i] = s;
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        // Interleave heavy (early: more pairs to the right) and light row blocks so groups get similar work.
        int[] order = new int[blocks];
        for (int t = 0, lo = 0, hi = blocks - 1; lo <= hi; ) {
            order[t++] = lo++;
            if (lo <= hi) {
                order[t++] = hi--;
            }
        }
        int groups = (int) Math.max(1, Math.min(MAX_GROUPS, GROUP_BUDGET / Math.max(1L, (long) n * k)));
        double[][] partial = new double[groups][];
        IntStream.range(0, groups).parallel().forEach(g -> {
            double[] sums = new double[n * k];
            double[] tile = new double[BLOCK];
            for (int t = g; t < blocks; t += groups) {
                accumulateBlock(order[t], x, transposed, norms, n, d, codes, k, sums, tile);
            }
            partial[g] = sums;
        });
        double[] sums = partial[0];
        for (int g = 1; g < groups; g++) {
            double[] other = partial[g];
            for (int q = 0; q < sums.length; q++) {
                sums[q] += other[q];
            }
        }
        return fromSums(sums, n, codes, k);
    }

    /** Adds the distances of every row i of block {@code bi} to every row j > i, both ways, to the sums. */
    private static void accumulateBlock(int bi, double[] x, double[] transposed, double[] norms, int n, int d,
                                        int[] codes, int k, double[] sums, double[] tile) {
        int i0 = bi * BLOCK;
        int i1 = Math.min(n, i0 + BLOCK);
        for (int i = i0; i < i1; i++) {
            int li = codes[i];
            double ni = norms[i];
            int rowBase = i * k;
            for (int j0 = i + 1; j0 < n; j0 += BLOCK) {
                int len = Math.min(BLOCK, n - j0);
                Arrays.fill(tile, 0, len, 0.0);
                for (int c = 0; c < d; c++) {
                    double xi = x[i * d + c];
                    int base = c * n + j0;
                    for (int jj = 0; jj < len; jj++) {
                        tile[jj] += xi * transposed[base + jj];
                    }
                }
                // Branch-free, so the JIT vectorises it (sqrt included); the scatter below cannot be.
                for (int jj = 0; jj < len; jj++) {
                    tile[jj] = Math.sqrt(Math.max(ni - 2 * tile[jj] + norms[j0 + jj], 0.0));
                }
                for (int jj = 0; jj < len; jj++) {
                    int j = j0 + jj;
                    double dist = tile[jj];
                    sums[rowBase + codes[j]] += dist;
                    sums[j * k + li] += dist;
                }
            }
        }
    }

    private static double[] fromSums(double[] sums, int n, int[] codes, int k) {
        long[] sizes = new long[k];
        for (int c : codes) {
            sizes[c]++;
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            int own = codes[i];
            if (sizes[own] <= 1) {
                result[i] = 0.0; // sklearn: a sample alone in its cluster scores 0
                continue;
            }
            double a = sums[i * k + own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[i * k + c] / sizes[c]);
                }
            }
            double denom = Math.max(a, b);
            result[i] = denom == 0 ? 0.0 : (b - a) / denom;
        }
        return result;
    }
}
