package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.FloatLanes.LANES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.TILE;

import dev.gmm.core.spi.ScatterKind;
import jdk.incubator.vector.FloatVector;

/**
 * The statistics of one block of float32 rows in float arithmetic, the float32 mode of
 * {@link BlockMoments}: the same tiles (scatter S' += (r∘(x − μₖ))·(x − c)ᵀ, diagonal R·X and
 * R·(X∘X)) with twice the lanes. Responsibilities are computed in double (shared with the double
 * path, so Nₖ is exact to double) and rounded to float for the products. Each tile starts its float
 * accumulators at zero, sums only the block's rows (at most {@link Lanes#BLOCK}), and at the end
 * widens them and adds them into the double lane sums ({@link FloatLanes#addWidened}); so every sum
 * across blocks, threads and the drain is double, and the float error does not grow with n.
 */
final class FloatBlockMoments {
    private FloatBlockMoments() {
    }

    /** Component k's share of the block (rows [0, len), padding weighted 0) into the full or pooled lane sums. */
    static void accumulate(int k, int len, ScatterKind kind, VectorWorkspace ws) {
        if (!BlockMoments.responsibilities(k, len, ws)) {
            return; // every responsibility is exactly zero: nothing to add
        }
        FloatScratch f = ws.floats();
        narrow(ws.resp, 0, f.resp, 0, len);
        PreparedMixture m = ws.mixture;
        weigh(m, k, len, f, ws.firstLanes);
        int pair = (kind == ScatterKind.FULL ? k : 0) * ws.tilePairs;
        for (int ta = 0; ta < m.tiles; ta++) {
            for (int tb = ta; tb < m.tiles; tb++, pair++) {
                outerTile(f.weighted, TILE * ta * STRIDE, f.block, TILE * tb * STRIDE, len, f.tileSums);
                FloatLanes.addWidened(f.tileSums, 0, TILE * TILE, ws.scatterLanes, pair * TILE * TILE * Lanes.LANES);
            }
        }
    }

    /** The diagonal statistics of the block (see {@link BlockMoments#diagonalBlock}), in float tiles. */
    static void diagonalBlock(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        FloatScratch f = ws.floats();
        BlockMoments.allResponsibilities(len, ws);
        for (int k = 0; k < m.components; k++) {
            narrow(ws.logProb, k * Lanes.STRIDE, f.squares, k * STRIDE, len);
        }
        for (int j = 0; j < m.features; j++) {
            for (int r = 0; r < len; r += LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, f.block, j * STRIDE + r);
                x.mul(x).intoArray(f.weighted, j * STRIDE + r);
            }
        }
        int dp = m.paddedFeatures;
        for (int kt = 0; kt < ws.paddedComponents; kt += 4) {
            for (int j = 0; j < dp; j += 2) {
                momentTile(f.squares, kt * STRIDE, f.block, f.weighted, j * STRIDE, len, f.tileSums);
                int o = (kt * dp + j) * Lanes.LANES;
                for (int c = 0; c < 4; c++) {
                    // component kt + c: features j and j + 1 of Σ r·x, then of Σ r·x²
                    FloatLanes.addWidened(f.tileSums, 2 * c * LANES, 2, ws.firstLanes, o + c * dp * Lanes.LANES);
                    FloatLanes.addWidened(f.tileSums, (8 + 2 * c) * LANES, 2, ws.scatterLanes,
                            o + c * dp * Lanes.LANES);
                }
            }
        }
    }

    /** to[to0 + r] = (float) from[from0 + r] for r in [0, len). */
    private static void narrow(double[] from, int from0, float[] to, int to0, int len) {
        for (int r = 0; r < len; r++) {
            to[to0 + r] = (float) from[from0 + r];
        }
    }

    /** floats.weighted = r·(x − μₖ) for the block; first moments (widened per feature) on the way. */
    private static void weigh(PreparedMixture m, int k, int len, FloatScratch f, double[] firstLanes) {
        int dp = m.paddedFeatures;
        for (int j = 0; j < m.features; j++) {
            FloatVector mu = FloatVector.broadcast(SPECIES, (float) m.shiftedMeans[k * dp + j]);
            FloatVector first = FloatVector.zero(SPECIES);
            int xo = j * STRIDE;
            for (int r = 0; r < len; r += LANES) {
                FloatVector rz = FloatVector.fromArray(SPECIES, f.block, xo + r).sub(mu)
                        .mul(FloatVector.fromArray(SPECIES, f.resp, r));
                rz.intoArray(f.weighted, xo + r);
                first = first.add(rz);
            }
            first.intoArray(f.tileSums, 0);
            FloatLanes.addWidened(f.tileSums, 0, 1, firstLanes, (k * dp + j) * Lanes.LANES);
        }
    }

    /**
     * The float register tile of the diagonal GEMM (see {@code BlockMoments.momentTile}): 4 components
     * i × 2 features j of Σᵣ resp·x and Σᵣ resp·x², 16 float accumulators from zero over the block's
     * rows, stored to sums (Σ r·x of (i, j) at (2i + j)·LANES, Σ r·x² 8 vectors later) for the caller to
     * widen. Kept apart so C2 keeps them in registers.
     */
    private static void momentTile(float[] resp, int ro, float[] x, float[] x2, int xo, int len, float[] sums) {
        FloatVector f00 = FloatVector.zero(SPECIES), f01 = f00, f10 = f00, f11 = f00;
        FloatVector f20 = f00, f21 = f00, f30 = f00, f31 = f00;
        FloatVector s00 = f00, s01 = f00, s10 = f00, s11 = f00;
        FloatVector s20 = f00, s21 = f00, s30 = f00, s31 = f00;
        for (int r = 0; r < len; r += LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, x, xo + r);
            FloatVector a1 = FloatVector.fromArray(SPECIES, x, xo + STRIDE + r);
            FloatVector b0 = FloatVector.fromArray(SPECIES, x2, xo + r);
            FloatVector b1 = FloatVector.fromArray(SPECIES, x2, xo + STRIDE + r);
            FloatVector r0 = FloatVector.fromArray(SPECIES, resp, ro + r);
            FloatVector r1 = FloatVector.fromArray(SPECIES, resp, ro + STRIDE + r);
            FloatVector r2 = FloatVector.fromArray(SPECIES, resp, ro + 2 * STRIDE + r);
            FloatVector r3 = FloatVector.fromArray(SPECIES, resp, ro + 3 * STRIDE + r);
            f00 = r0.fma(a0, f00);
            f01 = r0.fma(a1, f01);
            f10 = r1.fma(a0, f10);
            f11 = r1.fma(a1, f11);
            f20 = r2.fma(a0, f20);
            f21 = r2.fma(a1, f21);
            f30 = r3.fma(a0, f30);
            f31 = r3.fma(a1, f31);
            s00 = r0.fma(b0, s00);
            s01 = r0.fma(b1, s01);
            s10 = r1.fma(b0, s10);
            s11 = r1.fma(b1, s11);
            s20 = r2.fma(b0, s20);
            s21 = r2.fma(b1, s21);
            s30 = r3.fma(b0, s30);
            s31 = r3.fma(b1, s31);
        }
        FloatLanes.storeFour(f00, f01, f10, f11, sums, 0);
        FloatLanes.storeFour(f20, f21, f30, f31, sums, 4 * LANES);
        FloatLanes.storeFour(s00, s01, s10, s11, sums, 8 * LANES);
        FloatLanes.storeFour(s20, s21, s30, s31, sums, 12 * LANES);
    }

    /**
     * The float register tile of the rank-BLOCK update (see {@code BlockMoments.outerTile}):
     * Σᵣ rz[ao + i·STRIDE + r]·z[bo + j·STRIDE + r] for a TILE×TILE tile, 16 float accumulators from
     * zero over the block's rows, stored to sums[(i·TILE + j)·LANES …] for the caller to widen. Kept
     * apart so C2 keeps them in registers.
     */
    private static void outerTile(float[] rz, int ao, float[] z, int bo, int len, float[] sums) {
        FloatVector a00 = FloatVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int r = 0; r < len; r += LANES) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, rz, ao + r);
            FloatVector w1 = FloatVector.fromArray(SPECIES, rz, ao + STRIDE + r);
            FloatVector w2 = FloatVector.fromArray(SPECIES, rz, ao + 2 * STRIDE + r);
            FloatVector w3 = FloatVector.fromArray(SPECIES, rz, ao + 3 * STRIDE + r);
            FloatVector z0 = FloatVector.fromArray(SPECIES, z, bo + r);
            FloatVector z1 = FloatVector.fromArray(SPECIES, z, bo + STRIDE + r);
            FloatVector z2 = FloatVector.fromArray(SPECIES, z, bo + 2 * STRIDE + r);
            FloatVector z3 = FloatVector.fromArray(SPECIES, z, bo + 3 * STRIDE + r);
            a00 = w0.fma(z0, a00);
            a01 = w0.fma(z1, a01);
            a02 = w0.fma(z2, a02);
            a03 = w0.fma(z3, a03);
            a10 = w1.fma(z0, a10);
            a11 = w1.fma(z1, a11);
            a12 = w1.fma(z2, a12);
            a13 = w1.fma(z3, a13);
            a20 = w2.fma(z0, a20);
            a21 = w2.fma(z1, a21);
            a22 = w2.fma(z2, a22);
            a23 = w2.fma(z3, a23);
            a30 = w3.fma(z0, a30);
            a31 = w3.fma(z1, a31);
            a32 = w3.fma(z2, a32);
            a33 = w3.fma(z3, a33);
        }
        FloatLanes.storeFour(a00, a01, a02, a03, sums, 0);
        FloatLanes.storeFour(a10, a11, a12, a13, sums, 4 * LANES);
        FloatLanes.storeFour(a20, a21, a22, a23, sums, 8 * LANES);
        FloatLanes.storeFour(a30, a31, a32, a33, sums, 12 * LANES);
    }
}
