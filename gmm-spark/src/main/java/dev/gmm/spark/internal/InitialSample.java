package dev.gmm.spark.internal;

import dev.gmm.core.DataMatrix;
import org.apache.spark.api.java.JavaRDD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rows an initializer sees at cluster scale: all of them when there are at most {@code maxRows},
 * otherwise a seeded uniform sample of exactly {@code maxRows} rows without replacement. Rows are chosen by
 * their global index (partition order, then order within the partition) and come back in that order, so the
 * sample depends on the data, its order and the seed, not on how the rows are split into partitions; when
 * every row fits, the initializer sees what the single-machine fit sees.
 *
 * @param data    the rows, in global order
 * @param weights their weights, or null when unweighted
 */
public record InitialSample(DataMatrix data, double[] weights) {

    public static InitialSample of(TrainingData training, int maxRows, long seed) {
        long n = training.rows();
        long[] chosen = n <= maxRows ? null : chooseIndices(n, maxRows, seed);
        long[] firstRowOfBlock = new long[training.blockRows().length];
        long[] counts = training.blockRows();
        for (int b = 1; b < counts.length; b++) {
            firstRowOfBlock[b] = firstRowOfBlock[b - 1] + counts[b - 1];
        }
        JavaRDD<RowBlock> blocks = training.blocks();
        // Block b of the collected order: indices are assigned with zipWithIndex over blocks (partition order).
        List<RowBlock> picked = blocks.zipWithIndex()
                .map(t -> pick(t._1(), firstRowOfBlock[(int) (long) t._2()], chosen))
                .collect();
        int d = training.features();
        boolean weighted = picked.stream().anyMatch(b -> b.weights() != null);
        int total = picked.stream().mapToInt(RowBlock::rows).sum();
        double[] values = new double[total * d];
        double[] weights = weighted ? new double[total] : null;
        int at = 0;
        for (RowBlock b : picked) {
            System.arraycopy(b.values(), 0, values, at * d, b.rows() * d);
            if (weighted) {
                System.arraycopy(b.weights(), 0, weights, at, b.rows());
            }
            at += b.rows();
        }
        return new InitialSample(DataMatrix.wrap(values, total, d), weights);
    }

    /** {@code m} distinct indices in [0, n), sorted (Floyd's algorithm: m draws, whatever n). */
    static long[] chooseIndices(long n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> set = new HashSet<>(m * 2);
        for (long j = n - m; j < n; j++) {
            long t = random.nextLong(j + 1);
            set.add(set.contains(t) ? j : t);
        }
        long[] out = set.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** The block's rows whose global index is chosen (all when {@code chosen} is null). */
    private static RowBlock pick(RowBlock b, long first, long[] chosen) {
        if (chosen == null) {
            return b;
        }
        int from = lowerBound(chosen, first);
        int to = lowerBound(chosen, first + b.rows());
        int d = b.cols();
        double[] values = new double[(to - from) * d];
        double[] weights = b.weights() == null ? null : new double[to - from];
        List<Integer> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add((int) (chosen[i] - first));
        }
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(b.values(), rows.get(r) * d, values, r * d, d);
            if (weights != null) {
                weights[r] = b.weights()[rows.get(r)];
            }
        }
        return new RowBlock(values, to - from, d, weights, null, b.kernel());
    }

    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }
}
