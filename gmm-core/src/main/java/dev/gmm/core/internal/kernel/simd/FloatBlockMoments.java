package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.FloatLanes.LANES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.STRIDE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The diagonal statistics of one block of float32 rows in float arithmetic, the float32 mode of
 * {@link BlockMoments#diagonalBlock} with twice the lanes: every sum is centred on μₖ before it is
 * taken, Σ r·(x − μₖ)² rather than moments around c ({@link #diagonalBlock} says why).
 *
 * <p>Full and tied scatters are not taken in float: float products of (x − μₖ)(x − μₖ)ᵀ carry an
 * error of about 6e-8·‖x − μₖ‖², which for a nearly singular component exceeds a reg_covar of 1e-6
 * and leaves the covariance indefinite (a 500-row, 16-feature, 16-component fit that float64 handles
 * failed that way), so the float32 mode widens the float block and adds them with
 * {@link BlockMoments#accumulate}. A sum of squares cannot go negative, so the diagonal ones stay
 * float. Responsibilities are
 * computed in double (shared with the double path, so Nₖ sums double values) and rounded to float
 * for the products. Each tile starts its float
 * accumulators at zero, sums only the block's rows (at most {@link Lanes#BLOCK}), and at the end
 * widens them and adds them into the double lane sums ({@link FloatLanes#addWidened}); so every sum
 * across blocks, threads and the drain is double, and the float error does not grow with n.
 */
final class FloatBlockMoments {
    private FloatBlockMoments() {
    }

    /**
     * ws.block = the float block widened to double, rows [0, len) of every feature: what the full and
     * tied statistics of the float32 mode read (see the class comment).
     */
    static void widenBlock(int len, VectorWorkspace ws) {
        float[] from = ws.floats().block;
        for (int j = 0; j < ws.mixture.features; j++) {
            for (int r = 0; r < len; r += Lanes.LANES) {
                ((DoubleVector) FloatVector.fromArray(FloatLanes.HALF, from, j * STRIDE + r)
                        .convertShape(VectorOperators.F2D, Lanes.SPECIES, 0)).intoArray(ws.block, j * Lanes.STRIDE + r);
            }
        }
    }

    /**
     * The diagonal statistics of the block: per component k and feature j, Σᵣ r·(x − μₖ) and
     * Σᵣ r·(x − μₖ)², in register tiles of 4 components × 1 feature. Like the double path
     * ({@link BlockMoments#diagonalBlock}), the float tiles centre each row on μₖ first: the
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
                centredMomentTile(f.squares, kt * STRIDE, f.block, j * STRIDE, len, m.floatMomentShifts, kt * dp + j,
                        dp, f.tileSums);
                int o = (kt * dp + j) * Lanes.LANES;
                for (int c = 0; c < 4; c++) {
                    // component kt + c, feature j: Σ r·(x − μ), then Σ r·(x − μ)²
                    FloatLanes.addWidened(f.tileSums, c * LANES, ws.firstLanes, o + c * dp * Lanes.LANES);
                    FloatLanes.addWidened(f.tileSums, (4 + c) * LANES, ws.scatterLanes, o + c * dp * Lanes.LANES);
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
}
