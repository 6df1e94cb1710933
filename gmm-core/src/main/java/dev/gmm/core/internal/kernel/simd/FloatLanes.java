package dev.gmm.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The block geometry of the float32 mode, the float counterpart of {@link Lanes}: a float vector has
 * twice the lanes of a double vector of the same width, so one vector holds one feature of
 * {@link #LANES} consecutive rows and a row group is twice as many rows. The block itself is the
 * double path's {@link Lanes#BLOCK}, so that the per-row buffers the two modes share (log-sum-exp,
 * weights, responsibilities) have one size; the feature-major float scratch keeps its own
 * {@link #STRIDE} (one float vector more than a block, for the same cache-set reason).
 *
 * <p>Float lanes are only ever summed within one block (at most {@link Lanes#BLOCK} rows, so a lane
 * adds up at most BLOCK / LANES terms); {@link #addWidened} is where those block sums meet the
 * double lane sums that {@code BlockMoments.drain} reduces.
 */
final class FloatLanes {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int GROUP = Lanes.GROUP;
    static final int GROUP_ROWS = GROUP * LANES;
    static final int TILE = Lanes.TILE;
    static final int BLOCK = Lanes.BLOCK;
    static final int STRIDE = BLOCK + LANES;

    /**
     * Whether the float32 mode can run here: one float vector must widen into exactly two double
     * vectors, and a block must be whole float row groups. True wherever float and double vectors share
     * a shape (x86, AArch64 NEON); otherwise {@link VectorKernel} runs float32 data on the double path.
     */
    static final boolean USABLE = LANES == 2 * Lanes.LANES && BLOCK % GROUP_ROWS == 0;

    private FloatLanes() {
    }

    /** Rows rounded up to whole float row groups (a multiple of the double row group, at most BLOCK). */
    static int paddedRows(int n) {
        return (n + GROUP_ROWS - 1) / GROUP_ROWS * GROUP_ROWS;
    }

    /**
     * The widening view: as many float lanes as a double vector has, so that widening is the plain
     * lane-for-lane conversion C2 compiles to one instruction (a "part" of a full float vector is
     * not intrinsified and falls back to copying through arrays). Conversions are written out where
     * they are used, never in helpers that take or return vectors: C2 boxes a vector that crosses a
     * call it does not inline.
     */
    static final VectorSpecies<Float> HALF = USABLE
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(Lanes.LANES * Float.SIZE)) : null;

    /**
     * lanes[o …] += low half + high half of the float vector at sums[from …], in double: the end of a
     * block's float accumulation. The tiles store their accumulators to {@code sums} and call this
     * afterwards rather than widening in place, which would make the tile methods too big for C2 to
     * keep their vectors unboxed. Always the same order, so a result depends only on the rows, never
     * on how they are split among threads.
     */
    static void addWidened(float[] sums, int from, double[] lanes, int o) {
        DoubleVector low = (DoubleVector) FloatVector.fromArray(HALF, sums, from)
                .convertShape(VectorOperators.F2D, Lanes.SPECIES, 0);
        DoubleVector high = (DoubleVector) FloatVector.fromArray(HALF, sums, from + Lanes.LANES)
                .convertShape(VectorOperators.F2D, Lanes.SPECIES, 0);
        DoubleVector.fromArray(Lanes.SPECIES, lanes, o).add(low.add(high)).intoArray(lanes, o);
    }
}
