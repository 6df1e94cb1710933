package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.FloatLanes.LANES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.TILE;

import dev.gmm.core.spi.ScatterKind;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The statistics of one block of float32 rows in float arithmetic, the float32 mode of
 * {@link BlockMoments} with twice the lanes, except that every sum is centred on μₖ before it is
 * taken: the scatter tiles add (r∘(x − μₖ))·(x − μₖ)ᵀ rather than (r∘(x − μₖ))·(x − c)ᵀ with a
 * correction afterwards, and the diagonal tiles Σ r·(x − μₖ)² rather than moments around c
 * ({@link #diagonalBlock} says why: recentring afterwards would multiply the float error). Responsibilities are
 * computed in double (shared with the double path, so Nₖ sums double values) and rounded to float
 * for the products. Each tile starts its float
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
                outerTile(f.weighted, TILE * ta * STRIDE, f.centred, TILE * tb * STRIDE, len, f.tileSums);
                FloatLanes.addWidened(f.tileSums, 0, TILE * TILE, ws.scatterLanes, pair * TILE * TILE * Lanes.LANES);
            }
        }
    }

    /**
     * The diagonal statistics of the block: per component k and feature j, Σᵣ r·(x − μₖ) and
     * Σᵣ r·(x − μₖ)², in register tiles of 4 components × 1 feature. Unlike the double path's GEMM
     * around c ({@link BlockMoments#diagonalBlock}), the float tiles centre each row on μₖ first: the
     * recentring S2 − 2 m S1 + N m² would multiply the float error of S2 by about (|μₖ − c| / σ)², which
     * float cannot afford (one step of a 200 000 × 16 fit with 16 components up to about 10 σ from c:
     * variances off by 3.6e-5 relative that way, 8.6e-7 centred, the same as the float64 fit of the
     * rounded data). Centring costs a subtraction and a product more per entry. So the lane sums are
     * already around μₖ ({@code drain} is told so).
     */
    static void diagonalBlock(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        FloatScratch f = ws.floats();
        BlockMoments.allResponsibilities(len, ws);
        for (int k = 0; k < m.components; k++) {
            narrow(ws.logProb, k * Lanes.STRIDE, f.squares, k * STRIDE, len);
        }
        int dp = m.paddedFeatures;
        for (int kt = 0; kt < ws.paddedComponents; kt += 4) {
            for (int j = 0; j < m.features; j++) {
                centredMomentTile(f.squares, kt * STRIDE, f.block, j * STRIDE, len, m.floatShiftedMeans, kt * dp + j,
                        dp, f.tileSums);
                int o = (kt * dp + j) * Lanes.LANES;
                for (int c = 0; c < 4; c++) {
                    // component kt + c, feature j: Σ r·(x − μ), then Σ r·(x − μ)²
                    FloatLanes.addWidened(f.tileSums, c * LANES, 1, ws.firstLanes, o + c * dp * Lanes.LANES);
                    FloatLanes.addWidened(f.tileSums, (4 + c) * LANES, 1, ws.scatterLanes, o + c * dp * Lanes.LANES);
                }
            }
        }
    }

    /** to[to0 + r] = (float) from[from0 + r] for r in [0, len) (len is whole double vectors). */
    private static void narrow(double[] from, int from0, float[] to, int to0, int len) {
        for (int r = 0; r < len; r += Lanes.LANES) {
            ((FloatVector) DoubleVector.fromArray(Lanes.SPECIES, from, from0 + r)
                    .convertShape(VectorOperators.D2F, FloatLanes.HALF, 0)).intoArray(to, to0 + r);
        }
    }

    /**
     * floats.centred = x − μₖ and floats.weighted = r·(x − μₖ) for the block; first moments (widened per
     * feature) on the way. Features beyond D stay zero in both.
     */
    private static void weigh(PreparedMixture m, int k, int len, FloatScratch f, double[] firstLanes) {
        int dp = m.paddedFeatures;
        for (int j = 0; j < m.features; j++) {
            FloatVector mu = FloatVector.broadcast(SPECIES, m.floatShiftedMeans[k * dp + j]);
            FloatVector first = FloatVector.zero(SPECIES);
            int xo = j * STRIDE;
            for (int r = 0; r < len; r += LANES) {
                FloatVector z = FloatVector.fromArray(SPECIES, f.block, xo + r).sub(mu);
                z.intoArray(f.centred, xo + r);
                FloatVector rz = z.mul(FloatVector.fromArray(SPECIES, f.resp, r));
                rz.intoArray(f.weighted, xo + r);
                first = first.add(rz);
            }
            first.intoArray(f.tileSums, 0);
            FloatLanes.addWidened(f.tileSums, 0, 1, firstLanes, (k * dp + j) * Lanes.LANES);
        }
    }

    /**
     * The float register tile of the diagonal statistics: for 4 components i and one feature,
     * z = x − μᵢ, Σᵣ resp[i]·z and Σᵣ resp[i]·z², 8 float accumulators from zero over the block's rows,
     * stored to sums (Σ r·z of component i at i·LANES, Σ r·z² 4 vectors later) for the caller to widen.
     * {@code means[mo + i·dp]} is μᵢ − c. Only one feature wide: the centring costs a subtraction and a
     * product per entry, and a wider tile no longer fits the registers. Kept apart so C2 keeps the
     * accumulators in registers.
     */
    private static void centredMomentTile(float[] resp, int ro, float[] x, int xo, int len, float[] means, int mo,
                                          int dp, float[] sums) {
        FloatVector m0 = FloatVector.broadcast(SPECIES, means[mo]);
        FloatVector m1 = FloatVector.broadcast(SPECIES, means[mo + dp]);
        FloatVector m2 = FloatVector.broadcast(SPECIES, means[mo + 2 * dp]);
        FloatVector m3 = FloatVector.broadcast(SPECIES, means[mo + 3 * dp]);
        FloatVector f0 = FloatVector.zero(SPECIES), f1 = f0, f2 = f0, f3 = f0;
        FloatVector s0 = f0, s1 = f0, s2 = f0, s3 = f0;
        for (int r = 0; r < len; r += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, x, xo + r);
            FloatVector z0 = a.sub(m0);
            FloatVector z1 = a.sub(m1);
            FloatVector z2 = a.sub(m2);
            FloatVector z3 = a.sub(m3);
            FloatVector w0 = FloatVector.fromArray(SPECIES, resp, ro + r).mul(z0);
            FloatVector w1 = FloatVector.fromArray(SPECIES, resp, ro + STRIDE + r).mul(z1);
            FloatVector w2 = FloatVector.fromArray(SPECIES, resp, ro + 2 * STRIDE + r).mul(z2);
            FloatVector w3 = FloatVector.fromArray(SPECIES, resp, ro + 3 * STRIDE + r).mul(z3);
            f0 = f0.add(w0);
            f1 = f1.add(w1);
            f2 = f2.add(w2);
            f3 = f3.add(w3);
            s0 = w0.fma(z0, s0);
            s1 = w1.fma(z1, s1);
            s2 = w2.fma(z2, s2);
            s3 = w3.fma(z3, s3);
        }
        f0.intoArray(sums, 0);
        f1.intoArray(sums, LANES);
        f2.intoArray(sums, 2 * LANES);
        f3.intoArray(sums, 3 * LANES);
        s0.intoArray(sums, 4 * LANES);
        s1.intoArray(sums, 4 * LANES + LANES);
        s2.intoArray(sums, 4 * LANES + 2 * LANES);
        s3.intoArray(sums, 4 * LANES + 3 * LANES);
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
        a00.intoArray(sums, 0);
        a01.intoArray(sums, LANES);
        a02.intoArray(sums, 2 * LANES);
        a03.intoArray(sums, 3 * LANES);
        a10.intoArray(sums, 4 * LANES);
        a11.intoArray(sums, 4 * LANES + LANES);
        a12.intoArray(sums, 4 * LANES + 2 * LANES);
        a13.intoArray(sums, 4 * LANES + 3 * LANES);
        a20.intoArray(sums, 8 * LANES);
        a21.intoArray(sums, 8 * LANES + LANES);
        a22.intoArray(sums, 8 * LANES + 2 * LANES);
        a23.intoArray(sums, 8 * LANES + 3 * LANES);
        a30.intoArray(sums, 12 * LANES);
        a31.intoArray(sums, 12 * LANES + LANES);
        a32.intoArray(sums, 12 * LANES + 2 * LANES);
        a33.intoArray(sums, 12 * LANES + 3 * LANES);
    }
}
