package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The statistics of one block of rows, after its E-step: responsibilities, Nₖ, first moments around
 * μₖ, and the scatter. The full and pooled scatter is a weighted rank-BLOCK update
 * S += (r∘Z)·Zᵀ computed in register tiles of {@link Lanes#TILE}×{@link Lanes#TILE} entries, each
 * entry a lane-wide partial sum over the block's rows; lanes are reduced once per call, in a fixed
 * order, by {@link #drain}. The diagonal statistics of a block are one GEMM of the responsibilities
 * with the block and its squares ({@link #diagonalBlock}). {@link FloatBlockMoments} is the float32
 * mode of the same tiles; both fill the same double lane sums, which {@link #drain} reduces.
 */
final class BlockMoments {
    private BlockMoments() {
    }

    /** ws.rowScale = w / Σₖ exp(log pₖ − max): responsibility = exp(log pₖ − max) · rowScale. */
    static void rowScales(int len, VectorWorkspace ws) {
        for (int r = 0; r < len; r += LANES) {
            DoubleVector.fromArray(SPECIES, ws.weight, r).div(DoubleVector.fromArray(SPECIES, ws.rowSum, r))
                    .intoArray(ws.rowScale, r);
        }
    }

    /**
     * Adds component k's share of the block (rows [0, len), padding weighted 0) to the full or pooled
     * lane sums.
     */
    static void accumulate(int k, int len, ScatterKind kind, VectorWorkspace ws) {
        if (!responsibilities(k, len, ws)) {
            return; // every responsibility is exactly zero: nothing to add
        }
        PreparedMixture m = ws.mixture;
        weigh(m, k, len, ws);
        scatterTiles(m, kind == ScatterKind.FULL ? k : 0, len, ws);
    }

    /**
     * ws.resp = component k's responsibilities for rows [0, len), and their sum added to Nₖ's lane
     * sums; false when every one is exactly zero. Shared by both modes: responsibilities are double.
     */
    static boolean responsibilities(int k, int len, VectorWorkspace ws) {
        return multiplyAndSum(ws.logProb, k * STRIDE, ws.rowScale, ws.resp, 0, len, ws.weightLanes, k * LANES);
    }

    /**
     * out[oo + r] = a[ao + r]·b[r] for rows [0, len), and lanes[lo …] += their sum, lane-wise; whether
     * any product is positive. No vector enters or leaves this method (nor {@link #centreAndWeigh}):
     * a vector passed to or returned from a call that C2 does not inline is boxed, and whether C2
     * inlines depends on what the JVM compiled before — in the test suite, a 200k-row full fit once
     * allocated 77 MB that way, from a vector sum handed to a helper.
     */
    private static boolean multiplyAndSum(double[] a, int ao, double[] b, double[] out, int oo, int len,
                                          double[] lanes, int lo) {
        DoubleVector total = DoubleVector.zero(SPECIES);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector product = DoubleVector.fromArray(SPECIES, a, ao + r).mul(DoubleVector.fromArray(SPECIES, b, r));
            product.intoArray(out, oo + r);
            total = total.add(product);
        }
        DoubleVector.fromArray(SPECIES, lanes, lo).add(total).intoArray(lanes, lo);
        return total.compare(VectorOperators.GT, 0.0).anyTrue();
    }

    /**
     * The diagonal statistics of a whole block as one small GEMM: with R the block's responsibilities
     * (K × rows) and X the block relative to c, S1 = R·X and S2 = R·(X∘X), in register tiles of 4
     * components × 2 features. {@link #drain} recentres them on μₖ: Σ r(x − μ) = S1 − N m and
     * Σ r(x − μ)² = S2 − 2 m S1 + N m², with m = μₖ − c.
     */
    static void diagonalBlock(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        allResponsibilities(len, ws);
        for (int j = 0; j < m.features; j++) {
            for (int r = 0; r < len; r += LANES) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, ws.block, j * STRIDE + r);
                x.mul(x).intoArray(ws.weighted, j * STRIDE + r);
            }
        }
        int dp = m.paddedFeatures;
        for (int kt = 0; kt < ws.paddedComponents; kt += 4) {
            for (int j = 0; j < dp; j += 2) {
                momentTile(ws.logProb, kt * STRIDE, ws.block, ws.weighted, j * STRIDE, len, ws.firstLanes,
                        ws.scatterLanes, (kt * dp + j) * LANES, dp * LANES);
            }
        }
    }

    /**
     * ws.logProb[k·STRIDE + r] = every component's responsibilities for rows [0, len), their sums added
     * to Nₖ's lane sums. Shared by both modes: responsibilities are double.
     */
    static void allResponsibilities(int len, VectorWorkspace ws) {
        for (int k = 0; k < ws.mixture.components; k++) {
            multiplyAndSum(ws.logProb, k * STRIDE, ws.rowScale, ws.logProb, k * STRIDE, len, ws.weightLanes, k * LANES);
        }
    }

    /**
     * lanes1[o + (i·dp + j)·LANES …] += Σᵣ resp[i][r]·x[j][r] and lanes2 likewise with x², for 4
     * components i and 2 features j: 16 accumulators. Kept apart so C2 keeps them in registers.
     */
    private static void momentTile(double[] resp, int ro, double[] x, double[] x2, int xo, int len, double[] lanes1,
                                   double[] lanes2, int o, int componentStride) {
        int o1 = o + componentStride;
        int o2 = o + 2 * componentStride;
        int o3 = o + 3 * componentStride;
        DoubleVector f00 = DoubleVector.fromArray(SPECIES, lanes1, o);
        DoubleVector f01 = DoubleVector.fromArray(SPECIES, lanes1, o + LANES);
        DoubleVector f10 = DoubleVector.fromArray(SPECIES, lanes1, o1);
        DoubleVector f11 = DoubleVector.fromArray(SPECIES, lanes1, o1 + LANES);
        DoubleVector f20 = DoubleVector.fromArray(SPECIES, lanes1, o2);
        DoubleVector f21 = DoubleVector.fromArray(SPECIES, lanes1, o2 + LANES);
        DoubleVector f30 = DoubleVector.fromArray(SPECIES, lanes1, o3);
        DoubleVector f31 = DoubleVector.fromArray(SPECIES, lanes1, o3 + LANES);
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, lanes2, o);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, lanes2, o + LANES);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, lanes2, o1);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, lanes2, o1 + LANES);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, lanes2, o2);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, lanes2, o2 + LANES);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, lanes2, o3);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, lanes2, o3 + LANES);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, x, xo + r);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, x, xo + STRIDE + r);
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, x2, xo + r);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, x2, xo + STRIDE + r);
            DoubleVector r0 = DoubleVector.fromArray(SPECIES, resp, ro + r);
            DoubleVector r1 = DoubleVector.fromArray(SPECIES, resp, ro + STRIDE + r);
            DoubleVector r2 = DoubleVector.fromArray(SPECIES, resp, ro + 2 * STRIDE + r);
            DoubleVector r3 = DoubleVector.fromArray(SPECIES, resp, ro + 3 * STRIDE + r);
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
        f00.intoArray(lanes1, o);
        f01.intoArray(lanes1, o + LANES);
        f10.intoArray(lanes1, o1);
        f11.intoArray(lanes1, o1 + LANES);
        f20.intoArray(lanes1, o2);
        f21.intoArray(lanes1, o2 + LANES);
        f30.intoArray(lanes1, o3);
        f31.intoArray(lanes1, o3 + LANES);
        s00.intoArray(lanes2, o);
        s01.intoArray(lanes2, o + LANES);
        s10.intoArray(lanes2, o1);
        s11.intoArray(lanes2, o1 + LANES);
        s20.intoArray(lanes2, o2);
        s21.intoArray(lanes2, o2 + LANES);
        s30.intoArray(lanes2, o3);
        s31.intoArray(lanes2, o3 + LANES);
    }

    /** ws.weighted = r·(x − μₖ) for the block; first moments on the way. */
    private static void weigh(PreparedMixture m, int k, int len, VectorWorkspace ws) {
        int dp = m.paddedFeatures;
        for (int j = 0; j < m.features; j++) {
            centreAndWeigh(ws.block, j * STRIDE, m.shiftedMeans[k * dp + j], ws.resp, ws.weighted, len, ws.firstLanes,
                    (k * dp + j) * LANES);
        }
    }

    /** out[o + r] = (x[o + r] − mu)·resp[r] for rows [0, len); lanes[lo …] += their sum (see {@link #multiplyAndSum}). */
    private static void centreAndWeigh(double[] x, int o, double mu, double[] resp, double[] out, int len,
                                       double[] lanes, int lo) {
        DoubleVector first = DoubleVector.zero(SPECIES);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector rz = DoubleVector.fromArray(SPECIES, x, o + r).sub(mu).mul(DoubleVector.fromArray(SPECIES, resp, r));
            rz.intoArray(out, o + r);
            first = first.add(rz);
        }
        DoubleVector.fromArray(SPECIES, lanes, lo).add(first).intoArray(lanes, lo);
    }

    /**
     * For each tile pair (a-tile ≤ b-tile): S'[a][b] += Σᵣ r(x − μₖ)[a]·(x − c)[b], accumulated
     * lane-wise; {@link #drain} turns S' into the scatter around μₖ by subtracting
     * (Σᵣ r(x − μₖ)[a])·(μₖ − c)[b], which saves materialising x − μₖ for every component.
     */
    private static void scatterTiles(PreparedMixture m, int target, int len, VectorWorkspace ws) {
        int pair = target * ws.tilePairs;
        for (int ta = 0; ta < m.tiles; ta++) {
            for (int tb = ta; tb < m.tiles; tb++, pair++) {
                outerTile(ws.weighted, TILE * ta * STRIDE, ws.block, TILE * tb * STRIDE, len, ws.scatterLanes,
                        pair * TILE * TILE * LANES);
            }
        }
    }

    /**
     * The register tile of the rank-BLOCK update: lanes[o + (i·TILE + j)·LANES …] += Σᵣ rz[ao + i·STRIDE + r]·
     * z[bo + j·STRIDE + r], lane-wise. Kept apart from its callers so that C2 keeps the 16 accumulators
     * in registers (a bigger method stops inlining the Vector API and boxes).
     */
    private static void outerTile(double[] rz, int ao, double[] z, int bo, int len, double[] lanes, int o) {
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, lanes, o);
        DoubleVector a01 = DoubleVector.fromArray(SPECIES, lanes, o + LANES);
        DoubleVector a02 = DoubleVector.fromArray(SPECIES, lanes, o + 2 * LANES);
        DoubleVector a03 = DoubleVector.fromArray(SPECIES, lanes, o + 3 * LANES);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, lanes, o + 4 * LANES);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, lanes, o + 5 * LANES);
        DoubleVector a12 = DoubleVector.fromArray(SPECIES, lanes, o + 6 * LANES);
        DoubleVector a13 = DoubleVector.fromArray(SPECIES, lanes, o + 7 * LANES);
        DoubleVector a20 = DoubleVector.fromArray(SPECIES, lanes, o + 8 * LANES);
        DoubleVector a21 = DoubleVector.fromArray(SPECIES, lanes, o + 9 * LANES);
        DoubleVector a22 = DoubleVector.fromArray(SPECIES, lanes, o + 10 * LANES);
        DoubleVector a23 = DoubleVector.fromArray(SPECIES, lanes, o + 11 * LANES);
        DoubleVector a30 = DoubleVector.fromArray(SPECIES, lanes, o + 12 * LANES);
        DoubleVector a31 = DoubleVector.fromArray(SPECIES, lanes, o + 13 * LANES);
        DoubleVector a32 = DoubleVector.fromArray(SPECIES, lanes, o + 14 * LANES);
        DoubleVector a33 = DoubleVector.fromArray(SPECIES, lanes, o + 15 * LANES);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, rz, ao + r);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, rz, ao + STRIDE + r);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, rz, ao + 2 * STRIDE + r);
            DoubleVector w3 = DoubleVector.fromArray(SPECIES, rz, ao + 3 * STRIDE + r);
            DoubleVector z0 = DoubleVector.fromArray(SPECIES, z, bo + r);
            DoubleVector z1 = DoubleVector.fromArray(SPECIES, z, bo + STRIDE + r);
            DoubleVector z2 = DoubleVector.fromArray(SPECIES, z, bo + 2 * STRIDE + r);
            DoubleVector z3 = DoubleVector.fromArray(SPECIES, z, bo + 3 * STRIDE + r);
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
        a00.intoArray(lanes, o);
        a01.intoArray(lanes, o + LANES);
        a02.intoArray(lanes, o + 2 * LANES);
        a03.intoArray(lanes, o + 3 * LANES);
        a10.intoArray(lanes, o + 4 * LANES);
        a11.intoArray(lanes, o + 5 * LANES);
        a12.intoArray(lanes, o + 6 * LANES);
        a13.intoArray(lanes, o + 7 * LANES);
        a20.intoArray(lanes, o + 8 * LANES);
        a21.intoArray(lanes, o + 9 * LANES);
        a22.intoArray(lanes, o + 10 * LANES);
        a23.intoArray(lanes, o + 11 * LANES);
        a30.intoArray(lanes, o + 12 * LANES);
        a31.intoArray(lanes, o + 13 * LANES);
        a32.intoArray(lanes, o + 14 * LANES);
        a33.intoArray(lanes, o + 15 * LANES);
    }

    /**
     * Reduces the lane sums into {@code out} (lane 0 first, always) and clears them for the next call.
     * The double path's lane sums are taken around c (or, for the scatter, against x − c) and recentred
     * on μₖ here; {@code aroundMeans} (the float32 mode, see {@link FloatBlockMoments}) says they already
     * are around μₖ.
     */
    static void drain(ScatterKind kind, VectorWorkspace ws, SufficientStatistics out, boolean aroundMeans) {
        PreparedMixture m = ws.mixture;
        int d = m.features;
        int dp = m.paddedFeatures;
        double[] nk = out.rawWeights();
        double[] first = out.rawFirstMoments();
        double[] scatter = out.rawScatter();
        for (int k = 0; k < m.components; k++) {
            double weight = sumLanes(ws.weightLanes, k * LANES);
            nk[k] += weight;
            for (int j = 0; j < d; j++) {
                double s1 = sumLanes(ws.firstLanes, (k * dp + j) * LANES);
                if (kind == ScatterKind.DIAGONAL) {
                    double mean = aroundMeans ? 0.0 : m.shiftedMeans[k * dp + j];
                    double s2 = sumLanes(ws.scatterLanes, (k * dp + j) * LANES);
                    first[k * d + j] += s1 - weight * mean;
                    scatter[k * d + j] += s2 - mean * (2 * s1 - weight * mean);
                } else {
                    first[k * d + j] += s1;
                }
            }
        }
        if (kind != ScatterKind.DIAGONAL) {
            int targets = kind == ScatterKind.FULL ? m.components : 1;
            int pair = 0;
            for (int target = 0; target < targets; target++) {
                for (int ta = 0; ta < m.tiles; ta++) {
                    for (int tb = ta; tb < m.tiles; tb++, pair++) {
                        for (int i = 0; i < TILE; i++) {
                            for (int j = 0; j < TILE; j++) {
                                int a = TILE * ta + i;
                                int b = TILE * tb + j;
                                if (a < d && b < d && b >= a) {
                                    scatter[(target * d + a) * d + b] +=
                                            sumLanes(ws.scatterLanes, ((pair * TILE + i) * TILE + j) * LANES)
                                            - (aroundMeans ? 0.0 : shiftCorrection(kind, target, a, b, ws));
                                }
                            }
                        }
                    }
                }
            }
        }
        java.util.Arrays.fill(ws.weightLanes, 0);
        java.util.Arrays.fill(ws.firstLanes, 0);
        java.util.Arrays.fill(ws.scatterLanes, 0);
    }

    /** Σ over the target's components of (Σᵣ r(x − μₖ)[a])·(μₖ − c)[b] (see {@link #scatterTiles}). */
    private static double shiftCorrection(ScatterKind kind, int target, int a, int b, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        int dp = m.paddedFeatures;
        int from = kind == ScatterKind.FULL ? target : 0;
        int to = kind == ScatterKind.FULL ? target + 1 : m.components;
        double correction = 0;
        for (int k = from; k < to; k++) {
            correction += sumLanes(ws.firstLanes, (k * dp + a) * LANES) * m.shiftedMeans[k * dp + b];
        }
        return correction;
    }

    private static double sumLanes(double[] lanes, int offset) {
        double s = 0;
        for (int l = 0; l < LANES; l++) {
            s += lanes[offset + l];
        }
        return s;
    }
}
