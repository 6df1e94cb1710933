package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.GROUP;
import static dev.gmm.core.internal.kernel.simd.Lanes.GROUP_ROWS;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.DataMatrix;
import jdk.incubator.vector.DoubleVector;

/**
 * The E-step of one block of rows: load the block and log wₖ N(x | k) for every component (the
 * per-row log-sum-exp follows in {@link LogSumExp}). For a triangular factor the work is a register-tiled product of the block
 * with the packed factor: {@link Lanes#GROUP} vectors of rows × {@link Lanes#TILE} output columns
 * (16 accumulators) per pass over the rows of the factor, so each loaded data vector feeds four
 * FMAs and each broadcast factor entry four.
 */
final class BlockEStep {
    private BlockEStep() {
    }

    /** ws.block = rows [from, from+n) − c, transposed; padding rows are zero. */
    static void load(DataMatrix data, int from, int n, int len, VectorWorkspace ws) {
        ws.streamToken = FeatureMajorCopy.copy(data, from, n, len, ws.mixture.centre, ws.block);
    }

    /** ws.block = rows [from, from+n) as they are, transposed; padding rows are zero. */
    static void loadRaw(DataMatrix data, int from, int n, int len, VectorWorkspace ws) {
        ws.streamToken = FeatureMajorCopy.copy(data, from, n, len, ws.mixture.zeroCentre, ws.block);
    }

    /** ws.logProb[k·STRIDE + r] = log wₖ + log N(xᵣ | k) for every component, rows [0, len). */
    static void logProbabilities(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        if (m.shared && m.components > 1) {
            // tied: one product X·U for all components, then each component's ‖X·U − bₖ‖²
            project(m, len, ws.block, ws.weighted);
            for (int k = 0; k < m.components; k++) {
                sharedSquares(m, k, len, ws.weighted, ws.logProb);
            }
            return;
        }
        for (int k = 0; k < m.components; k++) {
            if (m.diagonal) {
                diagonal(m, k, len, ws.block, ws.logProb);
            } else {
                triangular(m, k, len, ws);
            }
        }
    }

    private static void triangular(PreparedMixture m, int k, int len, VectorWorkspace ws) {
        for (int g = 0; g < len; g += GROUP_ROWS) {
            evaluate(m, k, g, ws);
        }
    }

    /** ws.logProb[k·STRIDE + g …] = log wₖ + log N(x | k) for the row group at g, under a triangular factor. */
    static void evaluate(PreparedMixture m, int k, int g, VectorWorkspace ws) {
        int fo = k * m.packedSize;
        int bo = k * m.paddedFeatures;
        for (int t = 0; t < m.tiles; t++) {
            productTile(ws.block, g, m.factors, fo + m.tileOffset[t], m.rowsOfTile(t), m.bias, bo + TILE * t,
                    ws.squares, t == 0, m.rowsOfTile(t) == TILE * t + TILE);
        }
        store(ws.squares, m.constants[k], ws.logProb, k * STRIDE + g);
    }

    /** y = x·U for the shared factor, into {@code y} (feature-major like the block), rows [0, len). */
    private static void project(PreparedMixture m, int len, double[] x, double[] y) {
        for (int g = 0; g < len; g += GROUP_ROWS) {
            for (int t = 0; t < m.tiles; t++) {
                projectTile(x, g, m.factors, m.tileOffset[t], m.rowsOfTile(t), y, TILE * t * STRIDE + g);
            }
        }
    }

    /** out[k·STRIDE + r] = cₖ − ½ Σⱼ (y[j][r] − bₖⱼ)², rows [0, len). */
    private static void sharedSquares(PreparedMixture m, int k, int len, double[] y, double[] out) {
        int bo = k * m.paddedFeatures;
        for (int r = 0; r < len; r += LANES) {
            DoubleVector q = DoubleVector.zero(SPECIES);
            for (int j = 0; j < m.features; j++) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, y, j * STRIDE + r).sub(m.bias[bo + j]);
                q = v.fma(v, q);
            }
            q.fma(-0.5, m.constants[k]).intoArray(out, k * STRIDE + r);
        }
    }

    /**
     * The register tile of x·U alone: out[o + c·STRIDE + v·LANES …] = Σᵢ x[i][g + v·LANES …]·u[i][c]
     * for GROUP vectors of rows v and TILE columns c. Kept apart so C2 keeps the accumulators in
     * registers.
     */
    private static void projectTile(double[] x, int g, double[] u, int uo, int rows, double[] out, int o) {
        DoubleVector a00 = DoubleVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
        DoubleVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        DoubleVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        DoubleVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int i = 0; i < rows; i++, uo += TILE) {
            int xo = i * STRIDE + g;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xo + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES);
            DoubleVector u0 = DoubleVector.broadcast(SPECIES, u[uo]);
            DoubleVector u1 = DoubleVector.broadcast(SPECIES, u[uo + 1]);
            DoubleVector u2 = DoubleVector.broadcast(SPECIES, u[uo + 2]);
            DoubleVector u3 = DoubleVector.broadcast(SPECIES, u[uo + 3]);
            a00 = x0.fma(u0, a00);
            a01 = x0.fma(u1, a01);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a10 = x1.fma(u0, a10);
            a11 = x1.fma(u1, a11);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a20 = x2.fma(u0, a20);
            a21 = x2.fma(u1, a21);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a30 = x3.fma(u0, a30);
            a31 = x3.fma(u1, a31);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
        }
        a00.intoArray(out, o);
        a10.intoArray(out, o + LANES);
        a20.intoArray(out, o + 2 * LANES);
        a30.intoArray(out, o + 3 * LANES);
        a01.intoArray(out, o + STRIDE);
        a11.intoArray(out, o + STRIDE + LANES);
        a21.intoArray(out, o + STRIDE + 2 * LANES);
        a31.intoArray(out, o + STRIDE + 3 * LANES);
        a02.intoArray(out, o + 2 * STRIDE);
        a12.intoArray(out, o + 2 * STRIDE + LANES);
        a22.intoArray(out, o + 2 * STRIDE + 2 * LANES);
        a32.intoArray(out, o + 2 * STRIDE + 3 * LANES);
        a03.intoArray(out, o + 3 * STRIDE);
        a13.intoArray(out, o + 3 * STRIDE + LANES);
        a23.intoArray(out, o + 3 * STRIDE + 2 * LANES);
        a33.intoArray(out, o + 3 * STRIDE + 3 * LANES);
    }

    /**
     * One register tile of y = x·U − b: GROUP vectors of rows × TILE columns in 16 accumulators that
     * start at −b, run over the packed factor rows, and end squared into {@code squares} (which the
     * first tile of a row group overwrites rather than adds to). Kept apart
     * from its callers so that C2 compiles the accumulators into registers (a method with many more
     * vector operations stops inlining the Vector API and boxes).
     */
    static void productTile(double[] x, int g, double[] u, int uo, int rows, double[] bias, int bo,
                                    double[] squares, boolean first, boolean triangularEnd) {
        DoubleVector a00 = DoubleVector.broadcast(SPECIES, -bias[bo]);
        DoubleVector a01 = DoubleVector.broadcast(SPECIES, -bias[bo + 1]);
        DoubleVector a02 = DoubleVector.broadcast(SPECIES, -bias[bo + 2]);
        DoubleVector a03 = DoubleVector.broadcast(SPECIES, -bias[bo + 3]);
        DoubleVector a10 = a00, a11 = a01, a12 = a02, a13 = a03;
        DoubleVector a20 = a00, a21 = a01, a22 = a02, a23 = a03;
        DoubleVector a30 = a00, a31 = a01, a32 = a02, a33 = a03;
        // the tile's last TILE rows are the factor's diagonal block when the tile is whole: entry (i, c) is
        // zero below the diagonal, so the block's first row runs in the loop and its other three after it,
        // without their zero products (6 of the block's 16 entries, for every row); every sum stays as it was
        int fullRows = triangularEnd ? rows - TILE + 1 : rows;
        for (int i = 0; i < fullRows; i++, uo += TILE) {
            int xo = i * STRIDE + g;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xo + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES);
            DoubleVector u0 = DoubleVector.broadcast(SPECIES, u[uo]);
            DoubleVector u1 = DoubleVector.broadcast(SPECIES, u[uo + 1]);
            DoubleVector u2 = DoubleVector.broadcast(SPECIES, u[uo + 2]);
            DoubleVector u3 = DoubleVector.broadcast(SPECIES, u[uo + 3]);
            a00 = x0.fma(u0, a00);
            a01 = x0.fma(u1, a01);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a10 = x1.fma(u0, a10);
            a11 = x1.fma(u1, a11);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a20 = x2.fma(u0, a20);
            a21 = x2.fma(u1, a21);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a30 = x3.fma(u0, a30);
            a31 = x3.fma(u1, a31);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
        }
        if (triangularEnd) {
            int xo = fullRows * STRIDE + g;
            // row 1 of the diagonal block: columns 1…3
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xo + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES);
            DoubleVector u1 = DoubleVector.broadcast(SPECIES, u[uo + 1]);
            DoubleVector u2 = DoubleVector.broadcast(SPECIES, u[uo + 2]);
            DoubleVector u3 = DoubleVector.broadcast(SPECIES, u[uo + 3]);
            a01 = x0.fma(u1, a01);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a11 = x1.fma(u1, a11);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a21 = x2.fma(u1, a21);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a31 = x3.fma(u1, a31);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
            // row 2: columns 2 and 3
            xo += STRIDE;
            uo += TILE;
            x0 = DoubleVector.fromArray(SPECIES, x, xo);
            x1 = DoubleVector.fromArray(SPECIES, x, xo + LANES);
            x2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES);
            x3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES);
            u2 = DoubleVector.broadcast(SPECIES, u[uo + 2]);
            u3 = DoubleVector.broadcast(SPECIES, u[uo + 3]);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
            // row 3: column 3
            xo += STRIDE;
            uo += TILE;
            u3 = DoubleVector.broadcast(SPECIES, u[uo + 3]);
            a03 = DoubleVector.fromArray(SPECIES, x, xo).fma(u3, a03);
            a13 = DoubleVector.fromArray(SPECIES, x, xo + LANES).fma(u3, a13);
            a23 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES).fma(u3, a23);
            a33 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES).fma(u3, a33);
        }
        // squares[v·LANES …] += y0² + y1² + y2² + y3² for each row vector v, in that order (= when first);
        // written out rather than a helper taking vectors, which C2 boxes whenever it does not inline it
        DoubleVector q0 = first ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, squares, 0);
        DoubleVector q1 = first ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, squares, LANES);
        DoubleVector q2 = first ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, squares, 2 * LANES);
        DoubleVector q3 = first ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, squares, 3 * LANES);
        a03.fma(a03, a02.fma(a02, a01.fma(a01, a00.fma(a00, q0)))).intoArray(squares, 0);
        a13.fma(a13, a12.fma(a12, a11.fma(a11, a10.fma(a10, q1)))).intoArray(squares, LANES);
        a23.fma(a23, a22.fma(a22, a21.fma(a21, a20.fma(a20, q2)))).intoArray(squares, 2 * LANES);
        a33.fma(a33, a32.fma(a32, a31.fma(a31, a30.fma(a30, q3)))).intoArray(squares, 3 * LANES);
    }

    /** out = constant − ½·squares for the GROUP row vectors. */
    static void store(double[] squares, double constant, double[] out, int o) {
        for (int v = 0; v < GROUP; v++) {
            DoubleVector.fromArray(SPECIES, squares, v * LANES).fma(-0.5, constant).intoArray(out, o + v * LANES);
        }
    }

    /**
     * out = cₖ − ½ Σⱼ ((x − μₖ)ⱼ uⱼ)², with x − μₖ formed as (x − c) − (μₖ − c) before it is scaled —
     * the scalar reference's order — rather than (x − c)·u − (μₖ − c)·u, whose two products cancel when
     * the component sits many of its standard deviations away from c (a near-constant feature).
     */
    private static void diagonal(PreparedMixture m, int k, int len, double[] x, double[] out) {
        int fo = k * m.packedSize;
        int bo = k * m.paddedFeatures;
        DoubleVector constant = DoubleVector.broadcast(SPECIES, m.constants[k]);
        DoubleVector minusHalf = DoubleVector.broadcast(SPECIES, -0.5);
        for (int g = 0; g < len; g += GROUP_ROWS) {
            DoubleVector q0 = DoubleVector.zero(SPECIES);
            DoubleVector q1 = q0;
            DoubleVector q2 = q0;
            DoubleVector q3 = q0;
            for (int j = 0; j < m.features; j++) {
                DoubleVector u = DoubleVector.broadcast(SPECIES, m.factors[fo + j]);
                DoubleVector mean = DoubleVector.broadcast(SPECIES, m.shiftedMeans[bo + j]);
                int xo = j * STRIDE + g;
                DoubleVector y0 = DoubleVector.fromArray(SPECIES, x, xo).sub(mean).mul(u);
                DoubleVector y1 = DoubleVector.fromArray(SPECIES, x, xo + LANES).sub(mean).mul(u);
                DoubleVector y2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * LANES).sub(mean).mul(u);
                DoubleVector y3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * LANES).sub(mean).mul(u);
                q0 = y0.fma(y0, q0);
                q1 = y1.fma(y1, q1);
                q2 = y2.fma(y2, q2);
                q3 = y3.fma(y3, q3);
            }
            int o = k * STRIDE + g;
            q0.fma(minusHalf, constant).intoArray(out, o);
            q1.fma(minusHalf, constant).intoArray(out, o + LANES);
            q2.fma(minusHalf, constant).intoArray(out, o + 2 * LANES);
            q3.fma(minusHalf, constant).intoArray(out, o + 3 * LANES);
        }
    }
}
