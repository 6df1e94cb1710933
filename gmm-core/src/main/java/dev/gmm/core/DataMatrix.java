package dev.gmm.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
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
 *
 * <p>A third storage is a read-only {@link MemorySegment} of little-endian float64 or float32 values
 * ({@link #wrapSegment}), typically a memory-mapped file larger than the heap: the kernels copy each
 * block of rows out of it into their scratch (the copy they already make), so a fit reads it exactly
 * as it reads an array and gives the same model bit for bit. Such a matrix has no backing array
 * ({@link #values()} and {@link #floatValues()} refuse, {@link #isOffHeap()} says so); row access,
 * {@link #copyRows} and the copying conversions work on every storage.
 */
public final class DataMatrix {
    private static final ValueLayout.OfDouble SEGMENT_DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat SEGMENT_FLOAT =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final int rows;
    private final int cols;
    private final double[] doubles;
    private final float[] floats;
    /** Off-heap values, or null; {@link #segmentFloats} says which width. */
    private final MemorySegment segment;
    private final boolean segmentFloats;

    private DataMatrix(int rows, int cols, double[] doubles, float[] floats) {
        this(rows, cols, doubles, floats, null, false);
    }

    private DataMatrix(int rows, int cols, double[] doubles, float[] floats, MemorySegment segment,
                       boolean segmentFloats) {
        this.rows = rows;
        this.cols = cols;
        this.doubles = doubles;
        this.floats = floats;
        this.segment = segment;
        this.segmentFloats = segmentFloats;
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

    /**
     * Wraps a segment of {@code rows × cols} little-endian values, row-major, without copying — the
     * data section of a memory-mapped {@code .npy} file, say. The matrix reads it through a read-only
     * view; the segment must be readable from other threads (a shared, automatic or global arena), stay
     * alive (its arena open) while the matrix is used, and its contents
     * should not change meanwhile (a fit would mix old and new values).
     *
     * @param float32 whether the values are float32 (4 bytes) rather than float64 (8 bytes)
     * @throws IllegalArgumentException when the segment's size is not rows × cols values
     */
    public static DataMatrix wrapSegment(MemorySegment segment, int rows, int cols, boolean float32) {
        if (segment == null) {
            throw new IllegalArgumentException("segment is null: pass the memory segment that holds the values");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("shape (" + rows + ", " + cols
                    + ") is empty: data needs at least one sample of at least one feature");
        }
        if (!segment.isAccessibleBy(new Thread(() -> { }))) {
            // a confined arena's segment fails on the first block a worker thread reads, deep in a fit
            throw new IllegalArgumentException("the segment is confined to one thread, but fits and scores read "
                    + "blocks of rows on worker threads: allocate or map it in Arena.ofShared(), Arena.ofAuto() or "
                    + "Arena.global()");
        }
        long bytes = (long) rows * cols * (float32 ? Float.BYTES : Double.BYTES);
        if (segment.byteSize() != bytes) {
            throw new IllegalArgumentException("the segment holds " + segment.byteSize() + " bytes but " + rows + " x "
                    + cols + (float32 ? " float32" : " float64") + " values need " + bytes
                    + "; pass a slice of exactly the data");
        }
        return new DataMatrix(rows, cols, null, null, segment.asReadOnly(), float32);
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

    /** The number of samples. */
    public int rows() {
        return rows;
    }

    /** The number of features (columns). */
    public int cols() {
        return cols;
    }

    /** Whether the values are stored as floats. */
    public boolean isFloat32() {
        return floats != null || segment != null && segmentFloats;
    }

    /** Whether the values live in a {@link MemorySegment} (off the heap, e.g. a mapped file) rather than an array. */
    public boolean isOffHeap() {
        return segment != null;
    }

    /** The value at a 0-based row and column, as a double whatever the storage. */
    public double get(int row, int col) {
        if (segment != null) {
            return segmentValue((long) row * cols + col);
        }
        int i = row * cols + col;
        return doubles != null ? doubles[i] : floats[i];
    }

    private double segmentValue(long index) {
        return segmentFloats ? segment.getAtIndex(SEGMENT_FLOAT, index) : segment.getAtIndex(SEGMENT_DOUBLE, index);
    }

    /** A copy of one row. */
    public double[] row(int row) {
        double[] out = new double[cols];
        copyRow(row, out, 0);
        return out;
    }

    /** Copies one row into {@code dest} at {@code offset}. */
    public void copyRow(int row, double[] dest, int offset) {
        if (segment != null) {
            copyRows(row, 1, dest, offset);
            return;
        }
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
     * Copies rows [from, from + count) into {@code dest} at {@code offset}, row-major, widening floats
     * to doubles: one bulk copy per call, the way a kernel reads a block of rows of any storage.
     */
    public void copyRows(int from, int count, double[] dest, int offset) {
        checkRows(from, count);
        int n = count * cols;
        if (doubles != null) {
            System.arraycopy(doubles, from * cols, dest, offset, n);
        } else if (floats != null) {
            for (int i = 0, s = from * cols; i < n; i++) {
                dest[offset + i] = floats[s + i];
            }
        } else if (segmentFloats) {
            long start = (long) from * cols;
            for (int i = 0; i < n; i++) {
                dest[offset + i] = segment.getAtIndex(SEGMENT_FLOAT, start + i);
            }
        } else {
            MemorySegment.copy(segment, SEGMENT_DOUBLE, (long) from * cols * Double.BYTES, dest, offset, n);
        }
    }

    /** As {@link #copyRows(int, int, double[], int)}, for float32 storage into a float array. */
    public void copyRows(int from, int count, float[] dest, int offset) {
        if (!isFloat32()) {
            throw new IllegalStateException("this matrix stores float64 values; copy them into a double[]");
        }
        checkRows(from, count);
        if (segment == null) {
            System.arraycopy(floats, from * cols, dest, offset, count * cols);
        } else {
            MemorySegment.copy(segment, SEGMENT_FLOAT, (long) from * cols * Float.BYTES, dest, offset, count * cols);
        }
    }

    private void checkRows(int from, int count) {
        if (from < 0 || count < 0 || from > rows - count) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + ((long) from + count) + ") are outside [0, "
                    + rows + ")");
        }
    }

    /**
     * The backing float64 array (not a copy), row-major. Float32 matrices have none: use
     * {@link #toFloat64()} first; nor do off-heap ones ({@link #isOffHeap()}), which
     * {@link #toFloat64()} copies onto the heap.
     */
    public double[] values() {
        if (segment != null) {
            throw new IllegalStateException("this matrix is backed by a memory segment, not an array; read rows with "
                    + "copyRows, or copy it onto the heap with toFloat64()");
        }
        if (doubles == null) {
            throw new IllegalStateException("this matrix stores float32 values; call toFloat64() or floatValues()");
        }
        return doubles;
    }

    /** The backing float32 array (not a copy); only for float32 matrices. */
    public float[] floatValues() {
        if (segment != null) {
            throw new IllegalStateException("this matrix is backed by a memory segment, not an array; read rows with "
                    + "copyRows, or copy it onto the heap with toFloat32()");
        }
        if (floats == null) {
            throw new IllegalStateException("this matrix stores float64 values; call toFloat32() or values()");
        }
        return floats;
    }

    /** This matrix in float64 storage on the heap (itself when already a float64 array). */
    public DataMatrix toFloat64() {
        if (doubles != null) {
            return this;
        }
        if (segment != null) {
            double[] d = new double[heapLength()];
            copyRows(0, rows, d, 0);
            return new DataMatrix(rows, cols, d, null);
        }
        double[] d = new double[floats.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = floats[i];
        }
        return new DataMatrix(rows, cols, d, null);
    }

    /** This matrix in float32 storage on the heap (itself when already a float32 array). */
    public DataMatrix toFloat32() {
        if (floats != null) {
            return this;
        }
        float[] f = new float[heapLength()];
        if (segment != null && segmentFloats) {
            copyRows(0, rows, f, 0);
        } else {
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) (segment != null ? segmentValue(i) : doubles[i]);
            }
        }
        return new DataMatrix(rows, cols, null, f);
    }

    private int heapLength() {
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(rows + " x " + cols + " values do not fit in one Java array; keep the "
                    + "matrix off the heap (fit and score read it where it is) or take a rowRange");
        }
        return (int) n;
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
        if (segment != null) {
            DataMatrix rangeView = new DataMatrix(to - from, cols, null, null,
                    segment.asSlice((long) from * cols * (segmentFloats ? Float.BYTES : Double.BYTES),
                            (long) (to - from) * cols * (segmentFloats ? Float.BYTES : Double.BYTES)), segmentFloats);
            return segmentFloats ? rangeView.toFloat32() : rangeView.toFloat64();
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
        long n = (long) rows * cols;
        // one tight loop per storage: callers such as PartialStatistics check every block of every pass
        if (doubles != null) {
            for (int i = 0, len = (int) n; i < len; i++) {
                if (!Double.isFinite(doubles[i])) {
                    throw notFinite(argument, doubles[i], i);
                }
            }
        } else if (floats != null) {
            for (int i = 0, len = (int) n; i < len; i++) {
                if (!Float.isFinite(floats[i])) {
                    throw notFinite(argument, floats[i], i);
                }
            }
        } else {
            for (long i = 0; i < n; i++) {
                double v = segmentValue(i);
                if (!Double.isFinite(v)) {
                    throw notFinite(argument, v, i);
                }
            }
        }
        return this;
    }

    private IllegalArgumentException notFinite(String argument, double v, long i) {
        return new IllegalArgumentException(argument + " contains " + v + " at row " + (i / cols)
                + ", column " + (i % cols) + ": remove or impute non-finite values before fitting");
    }

    @Override
    public String toString() {
        return "DataMatrix[" + rows + " x " + cols + (isFloat32() ? ", float32" : "") + (segment != null ? ", off-heap" : "")
                + "]";
    }
}
