package dev.gmm.core.internal.kernel.simd;

import dev.gmm.core.DataMatrix;

/**
 * The rows of one block of an off-heap matrix, copied onto the heap so the block copies and the float
 * E-step run their array code on them unchanged: the same arithmetic on the same values, so a
 * mapped file fits bit for bit as the array does. The copy is one bulk read of at most
 * {@link Lanes#STRIDE} rows into a per-thread buffer that stays in cache, small beside the block's
 * arithmetic. Per thread because the kernels' static block functions have no workspace slot for it.
 */
final class SegmentBlock {
    private static final ThreadLocal<double[]> DOUBLES = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[0]);

    private SegmentBlock() {
    }

    /** Rows [from, from + n) of a float64 matrix, row-major from index 0. */
    static double[] doubles(DataMatrix data, int from, int n) {
        int length = n * data.cols();
        double[] buffer = DOUBLES.get();
        if (buffer.length < length) {
            buffer = new double[Math.max(length, Lanes.STRIDE * data.cols())];
            DOUBLES.set(buffer);
        }
        data.copyRows(from, n, buffer, 0);
        return buffer;
    }

    /** Rows [from, from + n) of a float32 matrix, row-major from index 0. */
    static float[] floats(DataMatrix data, int from, int n) {
        int length = n * data.cols();
        float[] buffer = FLOATS.get();
        if (buffer.length < length) {
            buffer = new float[Math.max(length, Lanes.STRIDE * data.cols())];
            FLOATS.set(buffer);
        }
        data.copyRows(from, n, buffer, 0);
        return buffer;
    }
}
