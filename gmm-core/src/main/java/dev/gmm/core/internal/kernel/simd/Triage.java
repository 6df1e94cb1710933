package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.GROUP_ROWS;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The E-step of a fit pass with full covariances, evaluating only the components a row can have a
 * share in. In a mixture of separated components each row belongs to one or two of them, yet a plain
 * E-step spends D(D+1)/2 multiply-adds on every row and component. Per window of up to four blocks:
 * <ol>
 * <li>each row's component is guessed: the highest of cheap bounds of log wₖ N(x | k) from four of
 * the D columns of each factor ({@link #likelyComponents});</li>
 * <li>the window's rows are sorted (stably) by their guess, and taken a block at a time
 * ({@link #takeBlock}), so that a row group of 32 rows holds rows of one or two components;</li>
 * <li>per row group, the components guessed for its rows are evaluated exactly; every other component
 * a tile of its factor at a time, each tile adding its squares to the Mahalanobis sum, until no row
 * of the group can come within {@link #GAP} of its best exact value (the component is then −∞ for
 * the group) or the last tile is in.</li>
 * </ol>
 * A component left out lies more than {@link #GAP} below the row's log-likelihood, so its share is
 * below {@link EmKernel#NEGLIGIBLE_SHARE}: the statistics would leave it out anyway, and in the
 * log-sum-exp it is less than a rounding of the row's sum. Where components overlap, little is left
 * out and the pass stops triaging ({@link #unprofitable}). Scoring never takes this path: its
 * log-responsibilities are exact for every component.
 */
final class Triage {
    /** Nats below the row's best exact value beyond which a component's share is negligible, with 1 to spare. */
    static final double GAP = -Math.log(EmKernel.NEGLIGIBLE_SHARE) + 1;

    private Triage() {
    }

    /**
     * Whether a pass that has triaged {@code pairs} (component, row group) pairs and left out
     * {@code leftOut} should stop: after the first blocks (a few thousand rows' evidence), when less
     * than a quarter were left out, the bounds and the sort cost more than they save.
     */
    static boolean unprofitable(long pairs, long leftOut) {
        return pairs >= TRIAL_PAIRS && leftOut * 4 < pairs;
    }

    /** (component, row group) pairs to triage before judging: four blocks of 16 components. */
    private static final long TRIAL_PAIRS = 4L * 16 * (Lanes.BLOCK / GROUP_ROWS);

    /** Whether a fit pass under {@code m} takes this path: separate triangular factors of more than one tile. */
    static boolean applies(PreparedMixture m) {
        return !m.diagonal && !m.shared && m.components > 1 && m.tiles > 1;
    }

    /**
     * Rows per window: blocks are sorted together, four at a time (fewer for wide data: the window's
     * copies stay near 135 KB whatever D, within the L2 cache), so that a component's rows come in runs
     * four times longer than one block gives and fewer row groups hold more than one component.
     */
    static int windowRows(PreparedMixture m) {
        return windowBlocks(m) * Lanes.BLOCK;
    }

    private static int windowBlocks(PreparedMixture m) {
        return Math.max(1, Math.min(4, 64 / m.paddedFeatures));
    }

    /**
     * Loads data rows [start, start + rows) (at most {@link #windowRows}) block by block, guesses each
     * row's component (the highest of cheap bounds, {@link #likelyComponents}) and sorts the window's
     * rows by it, stably: ws.windowOrder[p] is the window row at sorted position p, ws.windowLikely[p]
     * its guessed component.
     */
    static void sortWindow(DataMatrix data, int start, int rows, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        if (ws.windowBlocks == null) {
            int blocks = windowBlocks(m);
            ws.windowBlocks = new double[blocks][m.paddedFeatures * STRIDE];
            ws.windowGuess = new double[blocks * Lanes.BLOCK];
            ws.windowOrder = new int[blocks * Lanes.BLOCK];
            ws.windowLikely = new int[blocks * Lanes.BLOCK];
        }
        for (int first = 0; first < rows; first += Lanes.BLOCK) {
            int n = Math.min(Lanes.BLOCK, rows - first);
            int len = Lanes.paddedRows(n);
            double[] block = ws.windowBlocks[first / Lanes.BLOCK];
            ws.streamToken = FeatureMajorCopy.copy(data, start + first, n, len, m.centre, block);
            likelyComponents(m, block, len, ws.windowGuess, first);
        }
        int[] count = ws.bucketStart;
        java.util.Arrays.fill(count, 0, m.components + 1, 0);
        for (int r = 0; r < rows; r++) {
            count[(int) ws.windowGuess[r] + 1]++;
        }
        for (int k = 0; k < m.components; k++) {
            count[k + 1] += count[k];
        }
        for (int r = 0; r < rows; r++) {
            int k = (int) ws.windowGuess[r];
            int p = count[k]++;
            ws.windowOrder[p] = r;
            ws.windowLikely[p] = k;
        }
    }

    /**
     * ws.block = the sorted window's positions [first, first + n) (zeros for padding rows up to len), with
     * ws.order (the window row at each position) and ws.likely (its guessed component).
     */
    static void takeBlock(int first, int n, int len, VectorWorkspace ws) {
        int dp = ws.mixture.paddedFeatures;
        double[] block = ws.block;
        for (int p = 0; p < n; p++) {
            int row = ws.windowOrder[first + p];
            ws.order[p] = row;
            ws.likely[p] = ws.windowLikely[first + p];
            double[] from = ws.windowBlocks[row / Lanes.BLOCK];
            int column = row % Lanes.BLOCK;
            for (int j = 0; j < dp; j++) {
                block[j * STRIDE + p] = from[j * STRIDE + column];
            }
        }
        for (int j = 0; j < dp; j++) {
            java.util.Arrays.fill(block, j * STRIDE + n, j * STRIDE + len, 0.0);
        }
    }

    /**
     * guess[offset + r] = the component of the highest bound log wₖ N(x | k) from the first tile of x·Uₖ,
     * first on ties, for rows [0, len) of the feature-major block x: only a guess at
     * each row's component (the pass evaluates every component that can matter whatever the guess), so
     * it need not sum as the E-step does, and it keeps the row vector's four features in registers
     * across the components.
     */
    private static void likelyComponents(PreparedMixture m, double[] x, int len, double[] guess, int offset) {
        double[] u = m.factors;
        double[] b = m.bias;
        for (int r = 0; r < len; r += LANES) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, r);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, STRIDE + r);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, 2 * STRIDE + r);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, 3 * STRIDE + r);
            DoubleVector best = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
            DoubleVector which = DoubleVector.zero(SPECIES);
            for (int k = 0; k < m.components; k++) {
                // tile 0 of the packed factor: row i holds U[i][0…3] at fo + 4i, zero below the diagonal
                int fo = k * m.packedSize;
                int bo = k * m.paddedFeatures;
                DoubleVector y0 = x0.fma(u[fo], -b[bo]);
                DoubleVector y1 = x1.fma(DoubleVector.broadcast(SPECIES, u[fo + 5]), x0.fma(u[fo + 1], -b[bo + 1]));
                DoubleVector y2 = x2.fma(DoubleVector.broadcast(SPECIES, u[fo + 10]),
                        x1.fma(DoubleVector.broadcast(SPECIES, u[fo + 6]), x0.fma(u[fo + 2], -b[bo + 2])));
                DoubleVector y3 = x3.fma(DoubleVector.broadcast(SPECIES, u[fo + 15]),
                        x2.fma(DoubleVector.broadcast(SPECIES, u[fo + 11]),
                                x1.fma(DoubleVector.broadcast(SPECIES, u[fo + 7]), x0.fma(u[fo + 3], -b[bo + 3]))));
                DoubleVector bound = y3.fma(y3, y2.fma(y2, y1.fma(y1, y0.mul(y0)))).fma(-0.5, m.constants[k]);
                var higher = bound.compare(VectorOperators.GT, best);
                best = best.blend(bound, higher);
                which = which.blend(DoubleVector.broadcast(SPECIES, k), higher);
            }
            which.intoArray(guess, offset + r);
        }
    }

    /**
     * ws.logProb[k·STRIDE + r] = log wₖ + log N(xᵣ | k), or −∞ where that is negligible, for the sorted
     * block (after {@link #takeBlock}), rows [0, len). Per row group, the components the rows' bounds
     * point to first, exactly; then every other one tile of its factor at a time, each tile adding its
     * squares to the Mahalanobis sum, until no row of the group can come within {@link #GAP} of its best
     * exact value (−∞) or the last tile is in (exact, the same bits as {@link BlockEStep#evaluate}).
     * Returns the number of (component, row group) pairs left out.
     */
    static int logProbabilities(int n, int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        boolean[] exact = ws.evaluated;
        java.util.Arrays.fill(ws.evaluatedGroups, 0L);
        int leftOut = 0;
        for (int g = 0; g < len; g += GROUP_ROWS) {
            long bit = 1L << (g / GROUP_ROWS);
            java.util.Arrays.fill(exact, false);
            int end = Math.min(n, g + GROUP_ROWS);
            for (int p = g; p < end; p++) {
                int k = ws.likely[p];
                if (!exact[k]) {
                    exact[k] = true;
                    BlockEStep.evaluate(m, k, g, ws);
                }
            }
            reachFloors(m.components, exact, g, ws);
            for (int k = 0; k < m.components; k++) {
                if (exact[k] || evaluateWithinReach(m, k, g, ws)) {
                    ws.evaluatedGroups[k] |= bit;
                } else {
                    java.util.Arrays.fill(ws.logProb, k * STRIDE + g, k * STRIDE + g + GROUP_ROWS,
                            Double.NEGATIVE_INFINITY);
                    leftOut++;
                }
            }
        }
        return leftOut;
    }

    /**
     * {@link LogSumExp#rows} after {@link #logProbabilities}, over the components evaluated in each row
     * group only: ws.logProb becomes exp(log p − max), 0 for the components left out, with ws.rowSum
     * and ws.lse, rows [0, len).
     */
    static void logSumExp(int len, VectorWorkspace ws) {
        int kk = ws.mixture.components;
        for (int g = 0; g < len; g += GROUP_ROWS) {
            long bit = 1L << (g / GROUP_ROWS);
            int count = 0;
            for (int k = 0; k < kk; k++) {
                if ((ws.evaluatedGroups[k] & bit) != 0) {
                    ws.groupComponents[count++] = k;
                } else {
                    java.util.Arrays.fill(ws.logProb, k * STRIDE + g, k * STRIDE + g + GROUP_ROWS, 0.0);
                }
            }
            LogSumExp.rows(ws.groupComponents, count, g, g + GROUP_ROWS, true, ws);
        }
    }

    /**
     * Component k on the row group at g, a tile at a time: false as soon as no row can come within
     * {@link #GAP} of its best exact value; true, with the exact values stored, otherwise.
     */
    private static boolean evaluateWithinReach(PreparedMixture m, int k, int g, VectorWorkspace ws) {
        int fo = k * m.packedSize;
        int bo = k * m.paddedFeatures;
        double constant = m.constants[k];
        for (int t = 0; t < m.tiles; t++) {
            BlockEStep.productTile(ws.block, g, m.factors, fo + m.tileOffset[t], m.rowsOfTile(t), m.bias,
                    bo + TILE * t, ws.squares, t == 0, m.rowsOfTile(t) == TILE * t + TILE);
            if (t < m.tiles - 1 && !withinReach(ws.squares, constant, ws.rowMax, g)) {
                return false;
            }
        }
        BlockEStep.store(ws.squares, constant, ws.logProb, k * STRIDE + g);
        return true;
    }

    /**
     * ws.rowMax[g …] = per row of group g, the highest exact value among the components evaluated so far,
     * less {@link #GAP}: the floor a component's bound must reach in some row.
     */
    private static void reachFloors(int kk, boolean[] exact, int g, VectorWorkspace ws) {
        for (int r = g; r < g + GROUP_ROWS; r += LANES) {
            DoubleVector best = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < kk; k++) {
                if (exact[k]) {
                    best = best.max(DoubleVector.fromArray(SPECIES, ws.logProb, k * STRIDE + r));
                }
            }
            // finite, so that bound − floor is never NaN (−∞ − −∞) and a −∞ bound is always below it
            best.sub(GAP).max(-Double.MAX_VALUE).intoArray(ws.rowMax, r);
        }
    }

    /**
     * Whether some row of the group, with partial Mahalanobis sums {@code squares}, has its bound
     * constant − ½·squares (computed as the exact value will be: more squares only lower it) on or above
     * its floor ({@link #reachFloors}).
     */
    private static boolean withinReach(double[] squares, double constant, double[] floors, int g) {
        DoubleVector over = DoubleVector.fromArray(SPECIES, squares, 0).fma(-0.5, constant)
                .sub(DoubleVector.fromArray(SPECIES, floors, g));
        for (int v = 1; v < Lanes.GROUP; v++) {
            over = over.max(DoubleVector.fromArray(SPECIES, squares, v * LANES).fma(-0.5, constant)
                    .sub(DoubleVector.fromArray(SPECIES, floors, g + v * LANES)));
        }
        return over.compare(VectorOperators.GE, 0.0).anyTrue();
    }
}
