package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.BLOCK;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.internal.StatisticsAccumulator;

/**
 * The EM kernel on the Vector API. Rows are processed in blocks copied feature-major into
 * per-thread scratch (the data themselves are never copied as a whole); per block, the E-step is a
 * register-tiled product of the block with each precision factor ({@link BlockEStep}), the
 * log-sum-exp uses a vectorized exp ({@link LogSumExp}), and the statistics are a weighted
 * rank-BLOCK update in register tiles ({@link BlockMoments}). Nothing is allocated per call: every
 * buffer lives in the {@link VectorWorkspace}. Sums run in a fixed order within a call, so a call's
 * result depends only on its rows.
 *
 * <p>Float32 data run in float32 mode: the block, the E-step products and the diagonal statistics
 * tiles are float vectors with twice the lanes ({@link FloatBlockEStep}, {@link FloatBlockMoments});
 * full and tied scatters are added from the block widened to double, because float products can
 * make a nearly singular covariance indefinite. Squared
 * norms are widened to double before the log-sum-exp, so the log-sum-exp, exp, responsibilities,
 * row scales and log-likelihood stay double; each block's float tile sums are widened into the same
 * double lane sums, so everything across blocks is accumulated in double. Scoring
 * ({@link #logLikelihoods}) shares the float E-step; k-means assignment ({@link #nearestCentres})
 * stays on the double path (it widens float32 values as it loads them), bit-identical to the scalar
 * kernel. Where float vectors do not have twice the lanes of double ones of the same width
 * ({@link FloatLanes#USABLE}), float32 data take the double path too.
 *
 * <p>Loaded reflectively by {@code Kernels.simd()} only: no class the scalar path touches refers to
 * this one, so the incubator module is never needed when it is absent.
 */
public final class VectorKernel implements EmKernel {

    /** Public and argument-free for {@code Kernels.simd()}. */
    public VectorKernel() {
    }

    @Override
    public String name() {
        return "simd-" + LANES;
    }

    @Override
    public Workspace newWorkspace(int components, int features) {
        return new VectorWorkspace(components, features);
    }

    /** Loads the block of rows starting at {@code start} and runs its E-step; returns its row count. */
    private static int evaluateBlock(DataMatrix data, int start, int to, MixtureState s, boolean keepExponentials,
                                     VectorWorkspace ws) {
        int n = Math.min(BLOCK, to - start);
        int len = paddedRows(data, n);
        if (floatMode(data)) {
            FloatBlockEStep.load(data, start, n, len, ws);
            FloatBlockEStep.logProbabilities(len, ws);
        } else {
            BlockEStep.load(data, start, n, len, ws);
            BlockEStep.logProbabilities(len, ws);
        }
        LogSumExp.rows(s.components, len, keepExponentials, ws);
        return n;
    }

    /** Whether {@code data} run in the float32 mode: float32 storage, on hardware where it can. */
    private static boolean floatMode(DataMatrix data) {
        return data.isFloat32() && FloatLanes.USABLE;
    }

    /** The rows a block of n is padded to: whole row groups of the mode's vectors. */
    private static int paddedRows(DataMatrix data, int n) {
        return floatMode(data) ? FloatLanes.paddedRows(n) : Lanes.paddedRows(n);
    }

    /** Every row group of a block, for {@link BlockMoments#accumulate}. */
    private static final long ALL_GROUPS = -1L;

    @Override
    public double accumulate(DataMatrix data, double[] sampleWeights, int from, int to, MixtureState s,
                             ScatterKind kind, StatisticsAccumulator out, Workspace workspace) {
        VectorWorkspace ws = (VectorWorkspace) workspace;
        ws.mixture.prepare(s);
        ws.prepareStatistics(kind);
        boolean float32 = floatMode(data);
        ws.mixture.prepareShifts(out.rawShifts(), float32);
        boolean triage = !float32 && kind == ScatterKind.FULL && Triage.applies(ws.mixture);
        long pairs = 0;
        long leftOut = 0;
        ws.callLogLikelihood = 0;
        ws.callWeight = 0;
        int start = from;
        while (start < to) {
            if (triage) {
                int rows = Math.min(Triage.windowRows(ws.mixture), to - start);
                Triage.sortWindow(data, start, rows, ws);
                for (int first = 0; first < rows; first += BLOCK) {
                    int n = Math.min(BLOCK, rows - first);
                    int len = Lanes.paddedRows(n);
                    Triage.takeBlock(first, n, len, ws);
                    leftOut += Triage.logProbabilities(n, len, ws);
                    pairs += (long) s.components * (len / Lanes.GROUP_ROWS);
                    Triage.logSumExp(len, ws);
                    addMoments(sampleWeights, start, ws.order, n, len, s.components, kind, false, true, ws);
                }
                start += rows;
                // components that overlap leave nothing out: then the bounds and the sort are only cost
                triage = !Triage.unprofitable(pairs, leftOut);
            } else {
                int n = evaluateBlock(data, start, to, s, true, ws);
                addMoments(sampleWeights, start, null, n, paddedRows(data, n), s.components, kind, float32, false, ws);
                start += n;
            }
        }
        BlockMoments.drain(kind, ws, out);
        out.setTotalWeight(out.totalWeight() + ws.callWeight);
        return ws.callLogLikelihood;
    }

    /**
     * After a block's E-step: its rows' weights, log-likelihood and weight into the call's totals, and
     * its statistics into the lane sums. Block row r is data row {@code start + r}, or
     * {@code start + order[r]} when the triage sorted the rows; after a triage only the row groups in
     * which a component was evaluated can have a share of it.
     */
    private static void addMoments(double[] sampleWeights, int start, int[] order, int n, int len, int components,
                                   ScatterKind kind, boolean float32, boolean triaged, VectorWorkspace ws) {
        for (int r = 0; r < n; r++) {
            int row = start + (order == null ? r : order[r]);
            double w = sampleWeights == null ? 1.0 : sampleWeights[row];
            ws.weight[r] = w;
            ws.callLogLikelihood += w * ws.lse[r];
            ws.callWeight += w;
        }
        java.util.Arrays.fill(ws.weight, n, len, 0.0);
        BlockMoments.rowScales(len, ws);
        if (kind == ScatterKind.DIAGONAL && float32) {
            FloatBlockMoments.diagonalBlock(len, ws);
        } else if (kind == ScatterKind.DIAGONAL) {
            BlockMoments.diagonalBlock(len, ws);
        } else {
            if (float32) {
                FloatBlockMoments.widenBlock(len, ws); // full and tied scatters stay double (FloatBlockMoments says why)
            }
            for (int k = 0; k < components; k++) {
                BlockMoments.accumulate(k, len, triaged ? ws.evaluatedGroups[k] : ALL_GROUPS, kind, ws);
            }
        }
    }

    @Override
    public void logLikelihoods(DataMatrix data, int from, int to, MixtureState s, double[] logLikelihood,
                               double[] logResponsibilities, Workspace workspace) {
        VectorWorkspace ws = (VectorWorkspace) workspace;
        ws.mixture.prepare(s);
        int kk = s.components;
        for (int start = from; start < to; start += BLOCK) {
            int n = evaluateBlock(data, start, to, s, false, ws);
            for (int r = 0; r < n; r++) {
                int i = start + r - from;
                logLikelihood[i] = ws.lse[r];
                if (logResponsibilities != null) {
                    for (int k = 0; k < kk; k++) {
                        logResponsibilities[i * kk + k] = ws.logProb[k * STRIDE + r] - ws.lse[r];
                    }
                }
            }
        }
    }

    @Override
    public void nearestCentres(DataMatrix data, int from, int to, double[] centres, int k, int[] labels,
                               double[] distances, Workspace workspace) {
        VectorWorkspace ws = (VectorWorkspace) workspace;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            int len = Lanes.paddedRows(n);
            BlockEStep.loadRaw(data, start, n, len, ws);
            NearestCentres.assign(ws.block, data.cols(), len, centres, k, ws.rowMax, ws.rowSum);
            for (int r = 0; r < n; r++) {
                labels[start + r] = (int) ws.rowSum[r];
                distances[start + r] = ws.rowMax[r];
            }
        }
    }
}
