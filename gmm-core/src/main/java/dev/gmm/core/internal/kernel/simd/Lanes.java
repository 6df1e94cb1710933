package dev.gmm.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The block geometry every SIMD class shares. Rows are processed in blocks of {@link #BLOCK} copied
 * feature-major into scratch, so that one vector holds one feature of {@link #LANES} consecutive
 * rows (feature j of row r at j·{@link #STRIDE} + r); {@link #GROUP} vectors of rows are kept in registers at once (a row group), and factor and
 * scatter tiles are {@link #TILE} features wide.
 */
final class Lanes {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Vectors of rows per register tile. */
    static final int GROUP = 4;
    static final int GROUP_ROWS = GROUP * LANES;
    /** Features per register tile. */
    static final int TILE = 4;
    /** Rows per block: whole row groups, small enough for D·BLOCK doubles to stay in L2. */
    static final int BLOCK = Math.max(GROUP_ROWS, (256 / GROUP_ROWS) * GROUP_ROWS);
    /**
     * Distance between consecutive features (or components) in the feature-major scratch: one vector
     * more than a block, so that the D rows of a block do not all fall into the same cache sets.
     */
    static final int STRIDE = BLOCK + LANES;

    private Lanes() {
    }

    /** Rows rounded up to whole row groups. */
    static int paddedRows(int n) {
        return (n + GROUP_ROWS - 1) / GROUP_ROWS * GROUP_ROWS;
    }

    /** Features rounded up to whole tiles. */
    static int paddedFeatures(int d) {
        return (d + TILE - 1) / TILE * TILE;
    }
}
