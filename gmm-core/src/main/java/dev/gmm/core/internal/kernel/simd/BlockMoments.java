package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.GROUP_ROWS;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.spi.ScatterKind;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The statistics of one block of rows, after its E-step: responsibilities, Nₖ, first moments around
 * μₖ, and the scatter. The full and pooled scatter is a weighted rank-BLOCK update
 * S += (r∘Z)·Zᵀ computed in register tiles of {@link Lanes#TILE}×{@link Lanes#TILE} entries, each
 * entry a lane-wide partial sum over the block's rows; lanes are reduced once per call, in a fixed
 * order, by {@link #drain}. The diagonal statistics are register tiles of 4 components that centre
 * each row on μₖ first ({@link #diagonalBlock}). {@link FloatBlockMoments} is the float32
 * mode of the same tiles; both fill the same double lane sums, which {@link #drain} reduces.
 */
final class BlockMoments {
    private BlockMoments() {
    }

    /**
     * ws.rowScale = w / Σₖ exp(log pₖ − max): responsibility = exp(log pₖ − max) · rowScale; and
     * ws.shareFloor, below which exp(log pₖ − max) is a negligible share.
     */
    static void rowScales(int len, VectorWorkspace ws) {
        for (int r = 0; r < len; r += LANES) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, ws.rowSum, r);
            DoubleVector.fromArray(SPECIES, ws.weight, r).div(sum).intoArray(ws.rowScale, r);
            sum.mul(EmKernel.NEGLIGIBLE_SHARE).intoArray(ws.shareFloor, r);
        }
    }

    /**
     * Adds component k's share of the block (rows [0, len), padding weighted 0) to the full or pooled
     * lane sums, from the row groups (of {@link Lanes#GROUP_ROWS}) whose bit is set in {@code groups}
     * (the others have no share of k): only the row vectors in which some row's share is worth adding
     * ({@link EmKernel#NEGLIGIBLE_SHARE}). In a mixture of separated components most vectors of a
     * block have none for most components, and this skips their D(D+1)/2 multiply-adds per row.
     */
    static void accumulate(int k, int len, long groups, ScatterKind kind, VectorWorkspace ws) {
        int held = heldResponsibilities(k, len, groups, ws);
        if (held == 0) {
            return; // no share worth adding: nothing to add
        }
        PreparedMixture m = ws.mixture;
        scatterTiles(m, k, kind == ScatterKind.FULL ? k : 0, held, ws);
    }

    /**
     * ws.resp = component k's responsibilities for the rows of {@code groups} in [0, len), with negligible
     * shares set to 0, and their sum added to Nₖ's lane sums; ws.heldStart/heldEnd = the runs of
     * consecutive row vectors with any share left, in order. Returns the number of runs. Shared by both
     * modes: responsibilities are double.
     */
    private static int heldResponsibilities(int k, int len, long groups, VectorWorkspace ws) {
        int ko = k * STRIDE;
        DoubleVector total = DoubleVector.zero(SPECIES);
        int held = 0;
        for (int r = 0; r < len; r += LANES) {
            if ((groups & (1L << (r / GROUP_ROWS))) == 0) {
                r += GROUP_ROWS - LANES; // a group without a share of k: the next
                continue;
            }
            DoubleVector share = DoubleVector.fromArray(SPECIES, ws.logProb, ko + r);
            VectorMask<Double> kept = share.compare(VectorOperators.GE, DoubleVector.fromArray(SPECIES, ws.shareFloor, r));
            DoubleVector product = share.mul(DoubleVector.fromArray(SPECIES, ws.rowScale, r)).blend(0.0, kept.not());
            product.intoArray(ws.resp, r);
            total = total.add(product);
            if (kept.anyTrue()) {
                if (held > 0 && ws.heldEnd[held - 1] == r) {
                    ws.heldEnd[held - 1] = r + LANES; // the run goes on
                } else {
                    ws.heldStart[held] = r;
                    ws.heldEnd[held] = r + LANES;
                    held++;
                }
            }
        }
        DoubleVector.fromArray(SPECIES, ws.weightLanes, k * LANES).add(total).intoArray(ws.weightLanes, k * LANES);
        return held;
    }

    /**
     * out[oo + r] = a[ao + r]·b[r] for rows [0, len), and lanes[lo …] += their sum, lane-wise. No vector
     * enters or leaves this method (nor the tiles): a vector passed to or returned from a call that C2 does not inline is boxed, and whether C2
     * inlines depends on what the JVM compiled before — in the test suite, a 200k-row full fit once
     * allocated 77 MB that way, from a vector sum handed to a helper.
     */
    private static void multiplyAndSum(double[] a, int ao, double[] b, double[] out, int oo, int len,
                                       double[] lanes, int lo) {
        DoubleVector total = DoubleVector.zero(SPECIES);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector product = DoubleVector.fromArray(SPECIES, a, ao + r).mul(DoubleVector.fromArray(SPECIES, b, r));
            product.intoArray(out, oo + r);
            total = total.add(product);
        }
        DoubleVector.fromArray(SPECIES, lanes, lo).add(total).intoArray(lanes, lo);
    }

    /**
     * The diagonal statistics of a whole block: per component k and feature j, Σᵣ r·(x − μₖ) and
     * Σᵣ r·(x − μₖ)², in register tiles of 4 components × 1 feature, each row centred on μₖ before it
     * is weighed — as the scalar reference does. An earlier version took S1 = R·X and S2 = R·(X∘X)
     * around c as one GEMM and recentred afterwards (S2 − 2 m S1 + N m²): cheaper, but the
     * cancellation left noise of about eps·N·(μₖ − c)² in a variance that should be exactly 0 (a
     * feature constant within a component, such as a saturated pixel), which with reg_covar 1e-6
     * moved the lower bound by 1e-9 from iteration to iteration and kept a converged diag fit
     * running (54 iterations where the scalar kernel and scikit-learn stop at 24). Centred, x − μₖ is
     * exactly 0 wherever x equals μₖ, because (x − c) and (μₖ − c) round alike. So the lane sums are
     * already around μₖ ({@link #drain} is told so).
     */
    static void diagonalBlock(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        allResponsibilities(len, ws);
        int dp = m.paddedFeatures;
        for (int kt = 0; kt < ws.paddedComponents; kt += 4) {
            for (int j = 0; j < m.features; j++) {
                centredMomentTile(ws.logProb, kt * STRIDE, ws.block, j * STRIDE, len, m.momentShifts, kt * dp + j, dp,
                        ws.firstLanes, ws.scatterLanes, (kt * dp + j) * LANES, dp * LANES);
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
     * The register tile of the diagonal statistics: for 4 components i and one feature, z = x − μᵢ
     * (both relative to c), lanes1[o + i·componentStride …] += Σᵣ resp[i]·z and lanes2 likewise with
     * Σᵣ resp[i]·z², lane-wise. {@code means[mo + i·dp]} is μᵢ − c (zero for padding components, whose
     * responsibilities are zero). Kept apart so C2 keeps the accumulators in registers.
     */
    private static void centredMomentTile(double[] resp, int ro, double[] x, int xo, int len, double[] means, int mo,
                                          int dp, double[] lanes1, double[] lanes2, int o, int componentStride) {
        int o1 = o + componentStride;
        int o2 = o + 2 * componentStride;
        int o3 = o + 3 * componentStride;
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, means[mo]);
        DoubleVector m1 = DoubleVector.broadcast(SPECIES, means[mo + dp]);
        DoubleVector m2 = DoubleVector.broadcast(SPECIES, means[mo + 2 * dp]);
        DoubleVector m3 = DoubleVector.broadcast(SPECIES, means[mo + 3 * dp]);
        DoubleVector f0 = DoubleVector.fromArray(SPECIES, lanes1, o);
        DoubleVector f1 = DoubleVector.fromArray(SPECIES, lanes1, o1);
        DoubleVector f2 = DoubleVector.fromArray(SPECIES, lanes1, o2);
        DoubleVector f3 = DoubleVector.fromArray(SPECIES, lanes1, o3);
        DoubleVector s0 = DoubleVector.fromArray(SPECIES, lanes2, o);
        DoubleVector s1 = DoubleVector.fromArray(SPECIES, lanes2, o1);
        DoubleVector s2 = DoubleVector.fromArray(SPECIES, lanes2, o2);
        DoubleVector s3 = DoubleVector.fromArray(SPECIES, lanes2, o3);
        for (int r = 0; r < len; r += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, x, xo + r);
            DoubleVector z0 = a.sub(m0);
            DoubleVector z1 = a.sub(m1);
            DoubleVector z2 = a.sub(m2);
            DoubleVector z3 = a.sub(m3);
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, resp, ro + r).mul(z0);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, resp, ro + STRIDE + r).mul(z1);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, resp, ro + 2 * STRIDE + r).mul(z2);
            DoubleVector w3 = DoubleVector.fromArray(SPECIES, resp, ro + 3 * STRIDE + r).mul(z3);
            f0 = f0.add(w0);
            f1 = f1.add(w1);
            f2 = f2.add(w2);
            f3 = f3.add(w3);
            s0 = w0.fma(z0, s0);
            s1 = w1.fma(z1, s1);
            s2 = w2.fma(z2, s2);
            s3 = w3.fma(z3, s3);
        }
        f0.intoArray(lanes1, o);
        f1.intoArray(lanes1, o1);
        f2.intoArray(lanes1, o2);
        f3.intoArray(lanes1, o3);
        s0.intoArray(lanes2, o);
        s1.intoArray(lanes2, o1);
        s2.intoArray(lanes2, o2);
        s3.intoArray(lanes2, o3);
    }

    /**
     * For each tile pair (a-tile ≤ b-tile): S[a][b] += Σᵣ r(x − μₖ)[a]·(x − μₖ)[b], accumulated
     * lane-wise — the scalar reference's products. Both factors are centred on μₖ: an earlier version
     * took the second against x − c and subtracted (Σᵣ r(x − μₖ)[a])·(μₖ − c)[b] afterwards, which
     * saved materialising x − μₖ but left cancellation noise of about eps·|μₖ − c| in every entry,
     * enough to move the lower bound of a fit with a near-constant feature by 1e-11 relative. The
     * second factor, x − μₖ, is not stored: each tile subtracts it on the fly (the subtractions run on
     * the adder ports, beside the FMAs), the same double operation as a stored copy, so the same bits,
     * without one more store and load of every value for every component. The first factor, r(x − μₖ),
     * is formed by each row's diagonal tile, which comes first and stores it for the tiles to its right
     * ({@link #weighingUpperOuterTile}), with the first moments.
     */
    private static void scatterTiles(PreparedMixture m, int k, int target, int held, VectorWorkspace ws) {
        int pair = target * ws.tilePairs;
        int mo = k * m.paddedFeatures;
        for (int ta = 0; ta < m.tiles; ta++) {
            for (int tb = ta; tb < m.tiles; tb++, pair++) {
                if (ta == tb) {
                    // first of its row of tiles: weighs the tile's features for the tiles to its right
                    weighingUpperOuterTile(ws.resp, ws.weighted, TILE * ta * STRIDE, ws.block, m.momentShifts,
                            mo + TILE * ta, ws.heldStart, ws.heldEnd, held, ws.scatterLanes,
                            pair * TILE * TILE * LANES, ws.firstLanes, (mo + TILE * ta) * LANES);
                } else {
                    outerTile(ws.weighted, TILE * ta * STRIDE, ws.block, TILE * tb * STRIDE, m.momentShifts,
                            mo + TILE * tb, ws.heldStart, ws.heldEnd, held, ws.scatterLanes,
                            pair * TILE * TILE * LANES);
                }
            }
        }
    }

    /**
     * The register tile of the rank-BLOCK update: lanes[o + (i·TILE + j)·LANES …] += Σᵣ rz[ao + i·STRIDE + r]·
     * (x[bo + j·STRIDE + r] − mu[mo + j]), lane-wise. Kept apart from its callers so that C2 keeps the 16
     * accumulators in registers (a bigger method stops inlining the Vector API and boxes).
     */
    private static void outerTile(double[] rz, int ao, double[] x, int bo, double[] mu, int mo, int[] runStart,
                                  int[] runEnd, int runs, double[] lanes, int o) {
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, mu[mo]);
        DoubleVector m1 = DoubleVector.broadcast(SPECIES, mu[mo + 1]);
        DoubleVector m2 = DoubleVector.broadcast(SPECIES, mu[mo + 2]);
        DoubleVector m3 = DoubleVector.broadcast(SPECIES, mu[mo + 3]);
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
        for (int run = 0; run < runs; run++) {
            for (int r = runStart[run], end = runEnd[run]; r < end; r += LANES) {
                DoubleVector w0 = DoubleVector.fromArray(SPECIES, rz, ao + r);
                DoubleVector w1 = DoubleVector.fromArray(SPECIES, rz, ao + STRIDE + r);
                DoubleVector w2 = DoubleVector.fromArray(SPECIES, rz, ao + 2 * STRIDE + r);
                DoubleVector w3 = DoubleVector.fromArray(SPECIES, rz, ao + 3 * STRIDE + r);
                DoubleVector z0 = DoubleVector.fromArray(SPECIES, x, bo + r).sub(m0);
                DoubleVector z1 = DoubleVector.fromArray(SPECIES, x, bo + STRIDE + r).sub(m1);
                DoubleVector z2 = DoubleVector.fromArray(SPECIES, x, bo + 2 * STRIDE + r).sub(m2);
                DoubleVector z3 = DoubleVector.fromArray(SPECIES, x, bo + 3 * STRIDE + r).sub(m3);
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
     * The tile on the diagonal of the scatter (a-tile = b-tile), which also weighs its four features: for
     * each, z = x − μ and w = z·r are formed once, w is stored in {@code weighted} for the tiles to its
     * right (they read it), Σᵣ w is added to the first-moment lanes, and only the entries on and above
     * the diagonal are accumulated — the ones {@link #drain} reads, 10 multiply-adds per row vector where
     * a whole tile takes 16. Every value and sum is formed in the order a separate weighing pass used, so
     * the same bits; this saves that pass's reloading and re-centring of the block.
     */
    private static void weighingUpperOuterTile(double[] resp, double[] weighted, int xo, double[] x, double[] mu,
                                               int mo, int[] runStart, int[] runEnd, int runs, double[] lanes,
                                               int o, double[] firstLanes, int fo) {
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, mu[mo]);
        DoubleVector m1 = DoubleVector.broadcast(SPECIES, mu[mo + 1]);
        DoubleVector m2 = DoubleVector.broadcast(SPECIES, mu[mo + 2]);
        DoubleVector m3 = DoubleVector.broadcast(SPECIES, mu[mo + 3]);
        DoubleVector f0 = DoubleVector.zero(SPECIES);
        DoubleVector f1 = f0;
        DoubleVector f2 = f0;
        DoubleVector f3 = f0;
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, lanes, o);
        DoubleVector a01 = DoubleVector.fromArray(SPECIES, lanes, o + 1 * LANES);
        DoubleVector a02 = DoubleVector.fromArray(SPECIES, lanes, o + 2 * LANES);
        DoubleVector a03 = DoubleVector.fromArray(SPECIES, lanes, o + 3 * LANES);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, lanes, o + 5 * LANES);
        DoubleVector a12 = DoubleVector.fromArray(SPECIES, lanes, o + 6 * LANES);
        DoubleVector a13 = DoubleVector.fromArray(SPECIES, lanes, o + 7 * LANES);
        DoubleVector a22 = DoubleVector.fromArray(SPECIES, lanes, o + 10 * LANES);
        DoubleVector a23 = DoubleVector.fromArray(SPECIES, lanes, o + 11 * LANES);
        DoubleVector a33 = DoubleVector.fromArray(SPECIES, lanes, o + 15 * LANES);
        for (int run = 0; run < runs; run++) {
            for (int r = runStart[run], end = runEnd[run]; r < end; r += LANES) {
                DoubleVector rr = DoubleVector.fromArray(SPECIES, resp, r);
                DoubleVector z0 = DoubleVector.fromArray(SPECIES, x, xo + r).sub(m0);
                DoubleVector z1 = DoubleVector.fromArray(SPECIES, x, xo + STRIDE + r).sub(m1);
                DoubleVector z2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * STRIDE + r).sub(m2);
                DoubleVector z3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * STRIDE + r).sub(m3);
                DoubleVector w0 = z0.mul(rr);
                DoubleVector w1 = z1.mul(rr);
                DoubleVector w2 = z2.mul(rr);
                DoubleVector w3 = z3.mul(rr);
                w0.intoArray(weighted, xo + r);
                w1.intoArray(weighted, xo + STRIDE + r);
                w2.intoArray(weighted, xo + 2 * STRIDE + r);
                w3.intoArray(weighted, xo + 3 * STRIDE + r);
                f0 = f0.add(w0);
                f1 = f1.add(w1);
                f2 = f2.add(w2);
                f3 = f3.add(w3);
                a00 = w0.fma(z0, a00);
                a01 = w0.fma(z1, a01);
                a02 = w0.fma(z2, a02);
                a03 = w0.fma(z3, a03);
                a11 = w1.fma(z1, a11);
                a12 = w1.fma(z2, a12);
                a13 = w1.fma(z3, a13);
                a22 = w2.fma(z2, a22);
                a23 = w2.fma(z3, a23);
                a33 = w3.fma(z3, a33);
            }
        }
        a00.intoArray(lanes, o);
        a01.intoArray(lanes, o + 1 * LANES);
        a02.intoArray(lanes, o + 2 * LANES);
        a03.intoArray(lanes, o + 3 * LANES);
        a11.intoArray(lanes, o + 5 * LANES);
        a12.intoArray(lanes, o + 6 * LANES);
        a13.intoArray(lanes, o + 7 * LANES);
        a22.intoArray(lanes, o + 10 * LANES);
        a23.intoArray(lanes, o + 11 * LANES);
        a33.intoArray(lanes, o + 15 * LANES);
        DoubleVector.fromArray(SPECIES, firstLanes, fo).add(f0).intoArray(firstLanes, fo);
        DoubleVector.fromArray(SPECIES, firstLanes, fo + LANES).add(f1).intoArray(firstLanes, fo + LANES);
        DoubleVector.fromArray(SPECIES, firstLanes, fo + 2 * LANES).add(f2).intoArray(firstLanes, fo + 2 * LANES);
        DoubleVector.fromArray(SPECIES, firstLanes, fo + 3 * LANES).add(f3).intoArray(firstLanes, fo + 3 * LANES);
    }

    /**
     * Reduces the lane sums into {@code out} (lane 0 first, always) and clears them for the next call.
     * Every lane sum is already around μₖ.
     */
    static void drain(ScatterKind kind, VectorWorkspace ws, StatisticsAccumulator out) {
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
                first[k * d + j] += s1;
                if (kind == ScatterKind.DIAGONAL) {
                    scatter[k * d + j] += sumLanes(ws.scatterLanes, (k * dp + j) * LANES);
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
                                            sumLanes(ws.scatterLanes, ((pair * TILE + i) * TILE + j) * LANES);
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

    private static double sumLanes(double[] lanes, int offset) {
        double s = 0;
        for (int l = 0; l < LANES; l++) {
            s += lanes[offset + l];
        }
        return s;
    }
}
