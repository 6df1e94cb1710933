package dev.gmm.core.internal.kernel.simd;

/**
 * Reads one value of every cache line of a block's rows, in address order, before the block is
 * transposed. The transpose reads eight rows at a time, one cache line of each, so at D = 64 its loads
 * jump 512 bytes at a time across each 4 KB of rows: the hardware prefetchers do not follow that, and
 * every line became a demand miss from memory (a 100,000 × 64 block copy ran at 7 GB/s on one core,
 * a third of what a sequential read gets). Read in order first, the lines stream in at memory speed and
 * the transpose then reads them from cache: the copy took 4.8 ms instead of 7.3 ms per 100,000 × 64
 * rows on one core, and the W4 diagonal EM iteration 10.1 ms instead of 11.5 ms on two.
 *
 * <p>The values read are folded into a token that the caller stores, so that the JIT cannot drop the
 * loads as unused.
 */
final class StreamAhead {
    /** Values per 64-byte cache line. */
    private static final int DOUBLES_PER_LINE = 8;
    private static final int FLOATS_PER_LINE = 16;

    private StreamAhead() {
    }

    /** Reads v[from], v[from + 8], … below {@code to}: one value of every cache line of the range. */
    static long lines(double[] v, int from, int to) {
        long a = 0;
        long b = 0;
        int i = from;
        for (; i + DOUBLES_PER_LINE < to; i += 2 * DOUBLES_PER_LINE) {
            a ^= Double.doubleToRawLongBits(v[i]);
            b ^= Double.doubleToRawLongBits(v[i + DOUBLES_PER_LINE]);
        }
        for (; i < to; i += DOUBLES_PER_LINE) {
            a ^= Double.doubleToRawLongBits(v[i]);
        }
        return a ^ b;
    }

    /** As {@link #lines(double[], int, int)}, for float values. */
    static long lines(float[] v, int from, int to) {
        long a = 0;
        long b = 0;
        int i = from;
        for (; i + FLOATS_PER_LINE < to; i += 2 * FLOATS_PER_LINE) {
            a ^= Float.floatToRawIntBits(v[i]);
            b ^= Float.floatToRawIntBits(v[i + FLOATS_PER_LINE]);
        }
        for (; i < to; i += FLOATS_PER_LINE) {
            a ^= Float.floatToRawIntBits(v[i]);
        }
        return a ^ b;
    }
}
