package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.BLOCK;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
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
 * order, by {@link #drain}.
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

    /** Adds component k's share of the block (rows [0, len), padding weighted 0) to the lane sums. */
    static void accumulate(int k, int len, ScatterKind kind, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        DoubleVector total = DoubleVector.zero(SPECIES);
        int eo = k * STRIDE;
        for (int r = 0; r < len; r += LANES) {
            DoubleVector resp = DoubleVector.fromArray(SPECIES, ws.logProb, eo + r)
                    .mul(DoubleVector.fromArray(SPECIES, ws.rowScale, r));
            resp.intoArray(ws.resp, r);
            total = total.add(resp);
        }
        if (!total.compare(VectorOperators.GT, 0.0).anyTrue()) {
            return; // every responsibility is exactly zero: nothing to add
        }
        addTo(ws.weightLanes, k * LANES, total);
        if (kind == ScatterKind.DIAGONAL) {
            diagonal(m, k, len, ws);
            return;
        }
        weigh(m, k, len, ws);
        scatterTiles(m, kind == ScatterKind.FULL ? k : 0, len, ws);
    }

    private static void addTo(double[] lanes, int offset, DoubleVector v) {
        DoubleVector.fromArray(SPECIES, lanes, offset).add(v).intoArray(lanes, offset);
    }

    private static void diagonal(PreparedMixture m, int k, int len, VectorWorkspace ws) {
        int dp = m.paddedFeatures;
        for (int j = 0; j < m.features; j++) {
            int o = (k * dp + j) * LANES;
            diagonalFeature(ws.block, j * STRIDE, m.shiftedMeans[k * dp + j], ws.resp, len, ws.firstLanes,
                    ws.scatterLanes, o);
        }
    }

    /** Σ r(x − μ) and Σ r(x − μ)² of one feature, two rows vectors at a time (len is a multiple of 2). */
    private static void diagonalFeature(double[] x, int xo, double mean, double[] resp, int len, double[] first,
                                        double[] second, int o) {
        DoubleVector mu = DoubleVector.broadcast(SPECIES, mean);
        DoubleVector f0 = DoubleVector.zero(SPECIES);
        DoubleVector f1 = f0;
        DoubleVector s0 = f0;
        DoubleVector s1 = f0;
        for (int r = 0; r < len; r += 2 * LANES) {
            DoubleVector z0 = DoubleVector.fromArray(SPECIES, x, xo + r).sub(mu);
            DoubleVector z1 = DoubleVector.fromArray(SPECIES, x, xo + r + LANES).sub(mu);
            DoubleVector rz0 = z0.mul(DoubleVector.fromArray(SPECIES, resp, r));
            DoubleVector rz1 = z1.mul(DoubleVector.fromArray(SPECIES, resp, r + LANES));
            f0 = f0.add(rz0);
            f1 = f1.add(rz1);
            s0 = rz0.fma(z0, s0);
            s1 = rz1.fma(z1, s1);
        }
        addTo(first, o, f0.add(f1));
        addTo(second, o, s0.add(s1));
    }

    /** ws.weighted = r·(x − μₖ) for the block; first moments on the way. */
    private static void weigh(PreparedMixture m, int k, int len, VectorWorkspace ws) {
        int dp = m.paddedFeatures;
        for (int j = 0; j < m.features; j++) {
            DoubleVector mu = DoubleVector.broadcast(SPECIES, m.shiftedMeans[k * dp + j]);
            DoubleVector first = DoubleVector.zero(SPECIES);
            int xo = j * STRIDE;
            for (int r = 0; r < len; r += LANES) {
                DoubleVector rz = DoubleVector.fromArray(SPECIES, ws.block, xo + r).sub(mu)
                        .mul(DoubleVector.fromArray(SPECIES, ws.resp, r));
                rz.intoArray(ws.weighted, xo + r);
                first = first.add(rz);
            }
            addTo(ws.firstLanes, (k * dp + j) * LANES, first);
        }
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

    /** Reduces the lane sums into {@code out} (lane 0 first, always) and clears them for the next call. */
    static void drain(ScatterKind kind, VectorWorkspace ws, SufficientStatistics out) {
        PreparedMixture m = ws.mixture;
        int d = m.features;
        int dp = m.paddedFeatures;
        double[] nk = out.rawWeights();
        double[] first = out.rawFirstMoments();
        double[] scatter = out.rawScatter();
        for (int k = 0; k < m.components; k++) {
            nk[k] += sumLanes(ws.weightLanes, k * LANES);
            for (int j = 0; j < d; j++) {
                first[k * d + j] += sumLanes(ws.firstLanes, (k * dp + j) * LANES);
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
                                            sumLanes(ws.scatterLanes, ((pair * TILE + i) * TILE + j) * LANES)
                                            - shiftCorrection(kind, target, a, b, ws);
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
