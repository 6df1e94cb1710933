package dev.gmm.spark.internal;

import dev.gmm.core.DataMatrix;

import java.io.Serializable;

/**
 * Up to {@link #MAX_ROWS} rows of one partition as one row-major array (the layout the kernel reads), with
 * their weights: what the fit caches once, so no iteration converts Spark rows again. A block that met a
 * bad value holds only where and what it was ({@link #problem}), and the driver reports it.
 *
 * @param values   rows × cols values, row-major
 * @param weights  one weight per row, or null when the fit is unweighted
 * @param problem  null, or what is wrong with row {@code rows} of this block (the rows before it are kept)
 * @param kernel   the gmm kernel of the executor that built the block ("simd-8", "scalar"), for the fit report
 */
public record RowBlock(double[] values, int rows, int cols, double[] weights, String problem, String kernel)
        implements Serializable {
    /** Rows per block: large enough that merging partials costs nothing, small enough for any heap. */
    public static final int MAX_ROWS = 16_384;

    /** The rows as the core's matrix, without copying. */
    public DataMatrix matrix() {
        return DataMatrix.wrap(values, rows, cols);
    }

    /** Σ weights (the row count when unweighted). */
    public double totalWeight() {
        if (weights == null) {
            return rows;
        }
        double t = 0;
        for (int i = 0; i < rows; i++) {
            t += weights[i];
        }
        return t;
    }
}
