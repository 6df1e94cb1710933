package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;

import dev.gmm.core.DataMatrix;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies a block of rows, minus a centre, into the feature-major scratch the tiles read (feature j of
 * block row r at j·{@link Lanes#STRIDE} + r). This is the only pass over the data per block, so its
 * speed bounds the cheap (diagonal, wide) iterations: at D = 64 a value-by-value copy took 40% of a
 * diagonal EM iteration, several times the cost of streaming the same bytes from memory.
 *
 * <p>So float64 rows go through 8 × 8 tiles transposed in registers when vectors hold 8 doubles
 * (AVX-512): eight row vectors in, three rounds of two-vector lane selections (pairs of lanes, then
 * pairs of pairs, then halves), eight feature vectors out — 24 selections instead of 64 scalar
 * loads and stores. Everything else (float32 storage, other vector widths, the last D mod 8
 * features and the last n mod 8 rows) is copied eight rows at a time by scalar code, which reads
 * the eight rows as eight sequential streams and fills one cache line of the scratch per feature.
 * Either way the block's rows are first read once in address order ({@link StreamAhead}).
 */
final class FeatureMajorCopy {
    private static final int TILE_ROWS = 8;
    private static final boolean REGISTER_TRANSPOSE = Lanes.LANES == 8;
    /** Lane selections over the concatenation (a, b) of two vectors, used only when LANES = 8. */
    private static final DoubleVector EVEN_LANES = selection(0, 8, 2, 10, 4, 12, 6, 14);
    private static final DoubleVector ODD_LANES = selection(1, 9, 3, 11, 5, 13, 7, 15);
    private static final DoubleVector EVEN_PAIRS = selection(0, 1, 8, 9, 4, 5, 12, 13);
    private static final DoubleVector ODD_PAIRS = selection(2, 3, 10, 11, 6, 7, 14, 15);
    private static final DoubleVector LOW_HALVES = selection(0, 1, 2, 3, 8, 9, 10, 11);
    private static final DoubleVector HIGH_HALVES = selection(4, 5, 6, 7, 12, 13, 14, 15);

    private FeatureMajorCopy() {
    }

    private static DoubleVector selection(double... lanes) {
        if (!REGISTER_TRANSPOSE) {
            return null;
        }
        return DoubleVector.fromArray(Lanes.SPECIES, lanes, 0);
    }

    /**
     * block = rows [from, from+n) − c, transposed; rows [n, len) of every feature are zero. Returns the
     * {@link StreamAhead} token, for the caller to store.
     */
    static long copy(DataMatrix data, int from, int n, int len, double[] c, double[] block) {
        int d = data.cols();
        // an off-heap block is first copied onto the heap, then read from its row 0 by the same code
        int first = data.isOffHeap() ? 0 : from;
        long token = 0;
        if (data.isFloat32()) {
            float[] v = data.isOffHeap() ? SegmentBlock.floats(data, from, n) : data.floatValues();
            if (!data.isOffHeap()) {
                token = StreamAhead.lines(v, first * d, (first + n) * d);
            }
            copyFloats(v, d, first, 0, n, 0, c, block);
        } else {
            double[] v = data.isOffHeap() ? SegmentBlock.doubles(data, from, n) : data.values();
            if (!data.isOffHeap()) { // the on-heap copy of an off-heap block was just written: it is in cache
                token = StreamAhead.lines(v, first * d, (first + n) * d);
            }
            int rowTiles = REGISTER_TRANSPOSE ? n / TILE_ROWS * TILE_ROWS : 0;
            int featureTiles = d / TILE_ROWS * TILE_ROWS;
            for (int r = 0; r < rowTiles; r += TILE_ROWS) {
                for (int j = 0; j < featureTiles; j += TILE_ROWS) {
                    transposeTile(v, (first + r) * d + j, d, c, j, block, j * STRIDE + r);
                }
            }
            // what the register tiles leave: the last D mod 8 features of those rows, then the last rows
            copyDoubles(v, d, first, 0, rowTiles, featureTiles, c, block);
            copyDoubles(v, d, first, rowTiles, n, 0, c, block);
        }
        if (n < len) {
            for (int j = 0; j < d; j++) {
                java.util.Arrays.fill(block, j * STRIDE + n, j * STRIDE + len, 0.0);
            }
        }
        return token;
    }

    /** Rows [r0, r1) of the block, features [j0, d), eight rows at a time. */
    private static void copyDoubles(double[] v, int d, int from, int r0, int r1, int j0, double[] c, double[] b) {
        int r = r0;
        for (; r + TILE_ROWS <= r1; r += TILE_ROWS) {
            for (int j = j0, i = (from + r) * d + j0; j < d; j++, i++) {
                double cj = c[j];
                int o = j * STRIDE + r;
                b[o] = v[i] - cj;
                b[o + 1] = v[i + d] - cj;
                b[o + 2] = v[i + 2 * d] - cj;
                b[o + 3] = v[i + 3 * d] - cj;
                b[o + 4] = v[i + 4 * d] - cj;
                b[o + 5] = v[i + 5 * d] - cj;
                b[o + 6] = v[i + 6 * d] - cj;
                b[o + 7] = v[i + 7 * d] - cj;
            }
        }
        for (; r < r1; r++) {
            for (int j = j0, i = (from + r) * d + j0; j < d; j++, i++) {
                b[j * STRIDE + r] = v[i] - c[j];
            }
        }
    }

    /** As {@link #copyDoubles}, widening floats. */
    private static void copyFloats(float[] v, int d, int from, int r0, int r1, int j0, double[] c, double[] b) {
        int r = r0;
        for (; r + TILE_ROWS <= r1; r += TILE_ROWS) {
            for (int j = j0, i = (from + r) * d + j0; j < d; j++, i++) {
                double cj = c[j];
                int o = j * STRIDE + r;
                b[o] = v[i] - cj;
                b[o + 1] = v[i + d] - cj;
                b[o + 2] = v[i + 2 * d] - cj;
                b[o + 3] = v[i + 3 * d] - cj;
                b[o + 4] = v[i + 4 * d] - cj;
                b[o + 5] = v[i + 5 * d] - cj;
                b[o + 6] = v[i + 6 * d] - cj;
                b[o + 7] = v[i + 7 * d] - cj;
            }
        }
        for (; r < r1; r++) {
            for (int j = j0, i = (from + r) * d + j0; j < d; j++, i++) {
                b[j * STRIDE + r] = v[i] - c[j];
            }
        }
    }

    /**
     * Rows i, i+d, …, i+7d (eight features each, starting at feature j) minus c, into features
     * j … j+7 of the block at o, o+STRIDE, …: after the three rounds, vector f holds feature j+f of
     * the eight rows. Kept small so that C2 keeps all of it in registers.
     */
    private static void transposeTile(double[] v, int i, int d, double[] c, int j, double[] b, int o) {
        VectorSpecies<Double> s = Lanes.SPECIES;
        DoubleVector r0 = DoubleVector.fromArray(s, v, i);
        DoubleVector r1 = DoubleVector.fromArray(s, v, i + d);
        DoubleVector r2 = DoubleVector.fromArray(s, v, i + 2 * d);
        DoubleVector r3 = DoubleVector.fromArray(s, v, i + 3 * d);
        DoubleVector r4 = DoubleVector.fromArray(s, v, i + 4 * d);
        DoubleVector r5 = DoubleVector.fromArray(s, v, i + 5 * d);
        DoubleVector r6 = DoubleVector.fromArray(s, v, i + 6 * d);
        DoubleVector r7 = DoubleVector.fromArray(s, v, i + 7 * d);
        // round 1: a0 = (r0[0], r1[0], r0[2], r1[2], …), a1 = (r0[1], r1[1], …)
        DoubleVector a0 = EVEN_LANES.selectFrom(r0, r1);
        DoubleVector a1 = ODD_LANES.selectFrom(r0, r1);
        DoubleVector a2 = EVEN_LANES.selectFrom(r2, r3);
        DoubleVector a3 = ODD_LANES.selectFrom(r2, r3);
        DoubleVector a4 = EVEN_LANES.selectFrom(r4, r5);
        DoubleVector a5 = ODD_LANES.selectFrom(r4, r5);
        DoubleVector a6 = EVEN_LANES.selectFrom(r6, r7);
        DoubleVector a7 = ODD_LANES.selectFrom(r6, r7);
        // round 2: b0 = (r0[0], r1[0], r2[0], r3[0], r0[4], r1[4], r2[4], r3[4]), …
        DoubleVector b0 = EVEN_PAIRS.selectFrom(a0, a2);
        DoubleVector b2 = ODD_PAIRS.selectFrom(a0, a2);
        DoubleVector b1 = EVEN_PAIRS.selectFrom(a1, a3);
        DoubleVector b3 = ODD_PAIRS.selectFrom(a1, a3);
        DoubleVector b4 = EVEN_PAIRS.selectFrom(a4, a6);
        DoubleVector b6 = ODD_PAIRS.selectFrom(a4, a6);
        DoubleVector b5 = EVEN_PAIRS.selectFrom(a5, a7);
        DoubleVector b7 = ODD_PAIRS.selectFrom(a5, a7);
        // round 3: features 0…3 from the low halves, 4…7 from the high halves
        LOW_HALVES.selectFrom(b0, b4).sub(c[j]).intoArray(b, o);
        LOW_HALVES.selectFrom(b1, b5).sub(c[j + 1]).intoArray(b, o + STRIDE);
        LOW_HALVES.selectFrom(b2, b6).sub(c[j + 2]).intoArray(b, o + 2 * STRIDE);
        LOW_HALVES.selectFrom(b3, b7).sub(c[j + 3]).intoArray(b, o + 3 * STRIDE);
        HIGH_HALVES.selectFrom(b0, b4).sub(c[j + 4]).intoArray(b, o + 4 * STRIDE);
        HIGH_HALVES.selectFrom(b1, b5).sub(c[j + 5]).intoArray(b, o + 5 * STRIDE);
        HIGH_HALVES.selectFrom(b2, b6).sub(c[j + 6]).intoArray(b, o + 6 * STRIDE);
        HIGH_HALVES.selectFrom(b3, b7).sub(c[j + 7]).intoArray(b, o + 7 * STRIDE);
    }
}
