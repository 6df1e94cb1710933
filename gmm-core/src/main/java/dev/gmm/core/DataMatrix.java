package dev.gmm.core;

import java.util.Arrays;

/**
 * A dense matrix of samples: {@code rows} samples of {@code cols} features, stored row-major in
 * one contiguous array, the only data layout the engine uses end to end (no per-iteration copies).
 *
 * <p>Storage is either float64 ({@link #values()}) or float32 ({@link #floatValues()}); float32
 * really stores floats and halves the memory traffic of the kernels. The SIMD kernel runs float32
 * data in float arithmetic with twice the vector lanes (the E-step products and the diagonal
 * statistics of each block of rows), accumulating across blocks in double, with the log-sum-exp,
 * the log-likelihood and the full and tied scatters in double (float products could make a nearly
 * singular covariance indefinite); the scalar kernel widens each value to double as it loads it. On the
 * scikit-learn fixtures a float32 fit stays, iteration for iteration, within 2.5e-7 of the float64
 * one in lower bound (relative), 3e-7 of the data's scale in the means and 2e-6 of the largest entry
 * in the covariances (see Float32AccuracyTest). Its lower bound carries noise of order 1e-8 relative, so
 * a tol far below that (say 1e-10) may not be met and the fit then runs to maxIter; k-means
 * initialisation on float32 data computes in double. Instances are immutable
 * views: the wrapping factories do not copy, so callers must not change a wrapped array while a
 * fit reads it.
 */
public final class DataMatrix {
    private final int rows;
    private final int cols;
    private final double[] doubles;
    private final float[] floats;

    private DataMatrix(int rows, int cols, double[] doubles, float[] floats) {
        this.rows = rows;
        this.cols = cols;
        this.doubles = doubles;
        this.floats = floats;
    }

    /** Copies a rectangular {@code double[rows][cols]} array; ragged or empty input is rejected. */
    public static DataMatrix of(double[][] data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass a double[rows][cols] array");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("data has no rows: pass at least one sample");
        }
        if (data[0] == null || data[0].length == 0) {
            throw new IllegalArgumentException("data has no columns: each row needs at least one feature");
        }
        int cols = data[0].length;
        double[] flat = new double[data.length * cols];
        for (int i = 0; i < data.length; i++) {
            if (data[i] == null || data[i].length != cols) {
                throw new IllegalArgumentException("data is ragged: row " + i + " has "
                        + (data[i] == null ? "no array" : data[i].length + " values")
                        + " but row 0 has " + cols + "; every row needs the same number of features");
            }
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return new DataMatrix(data.length, cols, flat, null);
    }

    /** Wraps a row-major array without copying. */
    public static DataMatrix wrap(double[] rowMajor, int rows, int cols) {
        checkShape(rowMajor == null ? -1 : rowMajor.length, rows, cols);
        return new DataMatrix(rows, cols, rowMajor, null);
    }

    /** Wraps a row-major float array without copying (float32 storage). */
    public static DataMatrix wrapFloat(float[] rowMajor, int rows, int cols) {
        checkShape(rowMajor == null ? -1 : rowMajor.length, rows, cols);
        return new DataMatrix(rows, cols, null, rowMajor);
    }

    private static void checkShape(int length, int rows, int cols) {
        if (length < 0) {
            throw new IllegalArgumentException("data is null: pass a row-major array of rows*cols values");
        }
        if (rows < 1) {
            throw new IllegalArgumentException("rows = " + rows + ": data needs at least one sample");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("cols = " + cols + ": each sample needs at least one feature");
        }
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException("array length " + length + " does not equal rows*cols = "
                    + rows + "*" + cols + "; pass an array of exactly rows*cols values");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Whether the values are stored as floats. */
    public boolean isFloat32() {
        return floats != null;
    }

    public double get(int row, int col) {
        int i = row * cols + col;
        return doubles != null ? doubles[i] : floats[i];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        double[] out = new double[cols];
        copyRow(row, out, 0);
        return out;
    }

    /** Copies one row into {@code dest} at {@code offset}. */
    public void copyRow(int row, double[] dest, int offset) {
        int base = row * cols;
        if (doubles != null) {
            System.arraycopy(doubles, base, dest, offset, cols);
        } else {
            for (int j = 0; j < cols; j++) {
                dest[offset + j] = floats[base + j];
            }
        }
    }

    /**
     * The backing float64 array (not a copy), row-major. Float32 matrices have none: use
     * {@link #toFloat64()} first.
     */
    public double[] values() {
        if (doubles == null) {
            throw new IllegalStateException("this matrix stores float32 values; call toFloat64() or floatValues()");
        }
        return doubles;
    }

    /** The backing float32 array (not a copy); only for float32 matrices. */
    public float[] floatValues() {
        if (floats == null) {
            throw new IllegalStateException("this matrix stores float64 values; call toFloat32() or values()");
        }
        return floats;
    }

    /** This matrix in float64 storage (itself when already float64). */
    public DataMatrix toFloat64() {
        if (doubles != null) {
            return this;
        }
        double[] d = new double[floats.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = floats[i];
        }
        return new DataMatrix(rows, cols, d, null);
    }

    /** This matrix in float32 storage (itself when already float32). */
    public DataMatrix toFloat32() {
        if (floats != null) {
            return this;
        }
        float[] f = new float[doubles.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) doubles[i];
        }
        return new DataMatrix(rows, cols, null, f);
    }

    /** A copy as {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public DataMatrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is outside [0, " + rows + ")");
        }
        if (doubles != null) {
            return new DataMatrix(to - from, cols, Arrays.copyOfRange(doubles, from * cols, to * cols), null);
        }
        return new DataMatrix(to - from, cols, null, Arrays.copyOfRange(floats, from * cols, to * cols));
    }

    /** The given rows, copied, in the given order. */
    public DataMatrix selectRows(int[] indices) {
        double[] out = new double[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            copyRow(indices[i], out, i * cols);
        }
        return new DataMatrix(indices.length, cols, out, null);
    }

    /**
     * Throws when a value is NaN or infinite, naming the first such cell.
     *
     * @param argument how the caller names this matrix in the message ("X", "data", ...)
     */
    public DataMatrix requireFinite(String argument) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double v = doubles != null ? doubles[i] : floats[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(argument + " contains " + v + " at row " + (i / cols)
                        + ", column " + (i % cols) + ": remove or impute non-finite values before fitting");
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return "DataMatrix[" + rows + " x " + cols + (floats != null ? ", float32" : "") + "]";
    }
}
