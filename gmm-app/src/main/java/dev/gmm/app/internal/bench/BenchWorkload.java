package dev.gmm.app.internal.bench;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.Generators;

import java.util.List;

/**
 * A generated workload shaped like one of the shared benchmark workloads (gmm-bench's W1, W2), with
 * fewer rows by default so that {@code gmm bench} finishes in about half a minute.
 *
 * @param name   "W1" or "W2"
 * @param rows   samples
 * @param cols   features
 * @param k      components
 * @param spread blob standard deviation, as in the shared workloads
 * @param seed   generator seed
 */
public record BenchWorkload(String name, int rows, int cols, int k, double spread, long seed) {
    /** W1 (100,000 × 2, K 3) at full size; W2 (200,000 × 16, K 16) at a quarter of its rows. */
    public static List<BenchWorkload> defaults(double rowsScale) {
        if (!(rowsScale > 0) || rowsScale > 100) {
            throw new IllegalArgumentException("--rows-scale " + rowsScale + ": use a number in (0, 100], e.g. 0.1");
        }
        return List.of(new BenchWorkload("W1", scaled(100_000, rowsScale), 2, 3, 3.0, 101),
                new BenchWorkload("W2", scaled(50_000, rowsScale), 16, 16, 1.5, 202));
    }

    private static int scaled(int rows, double scale) {
        return (int) Math.max(200, Math.round(rows * scale));
    }

    DataMatrix data() {
        return Generators.blobs(rows, cols, k, spread, seed).data();
    }
}
