package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.spi.ScatterKind;

/**
 * The fused E-step + statistics pass over the data, chunked and reduced in chunk order. Holds every
 * buffer the passes of one fit need, allocated once: inside the EM iterations only the M-step's
 * K × D-sized values are allocated, never anything that grows with the rows.
 */
public final class StatisticsPass {
    private final DataMatrix data;
    private final double[] sampleWeights;
    private final EmKernel kernel;
    private final ScatterKind kind;
    private final int[] bounds;
    private final StatisticsAccumulator[] perChunk;
    private final double[] chunkLogLikelihood;
    private final EmKernel.Workspace[] workspaces;
    private final WorkerPool pool;

    /**
     * Recentre when rounding in the shifted sums would be magnified more than this in a variance: at 1,
     * a pass is repeated only when some mean moved by more than a (regularized) standard deviation,
     * which happens in the first iterations of a fit, rarely later.
     */
    static final double RECENTRE_ABOVE = 1.0;

    private final double varianceFloor;

    public StatisticsPass(DataMatrix data, double[] sampleWeights, EmKernel kernel, ScatterKind kind, int components,
                   WorkerPool pool, double varianceFloor) {
        this.varianceFloor = varianceFloor;
        this.data = data;
        this.sampleWeights = sampleWeights;
        this.kernel = kernel;
        this.kind = kind;
        this.pool = pool;
        this.bounds = RowChunks.bounds(data.rows());
        int chunks = bounds.length - 1;
        this.perChunk = new StatisticsAccumulator[chunks];
        for (int c = 0; c < chunks; c++) {
            perChunk[c] = new StatisticsAccumulator(components, data.cols(), kind);
        }
        this.chunkLogLikelihood = new double[chunks];
        this.workspaces = new EmKernel.Workspace[pool.workers()];
        for (int w = 0; w < workspaces.length; w++) {
            workspaces[w] = kernel.newWorkspace(components, data.cols());
        }
    }

    /**
     * One pass under {@code state}: fills {@code out} with sums around the state's means and returns
     * Σ wᵢ log p(xᵢ). When the new means moved so far from the old ones that the one-pass formulas would
     * cancel ({@link StatisticsAccumulator#cancellation} above {@link #RECENTRE_ABOVE}, with reg_covar as
     * the smallest variance that counts), the sums are taken again around the new means — the same
     * E-step, so the same responsibilities — which gives the two-pass accuracy scikit-learn's M-step
     * has. Without it, rounding in Σ r(x − c)² magnified by (Δμ/σ)² made the SIMD and scalar kernels
     * (whose sums round differently) disagree by 1e-11 in the next lower bound on data with
     * near-constant features and reg_covar 1e-8.
     */
    public double run(MixtureState state, StatisticsAccumulator out) {
        double logLikelihood = runAround(state, state.means, out);
        if (out.cancellation(varianceFloor) > RECENTRE_ABOVE) {
            double[] means = new double[state.means.length];
            for (int k = 0; k < state.components; k++) {
                System.arraycopy(out.mean(k), 0, means, k * state.features, state.features);
            }
            runAround(state, means, out);
        }
        return logLikelihood;
    }

    /** One fused pass under {@code state} with sums around {@code shifts}. */
    double runAround(MixtureState state, double[] shifts, StatisticsAccumulator out) {
        for (StatisticsAccumulator s : perChunk) {
            s.clearSums();
            System.arraycopy(shifts, 0, s.rawShifts(), 0, shifts.length);
        }
        pool.run(perChunk.length, (c, w) -> chunkLogLikelihood[c] = kernel.accumulate(data, sampleWeights,
                bounds[c], bounds[c + 1], state, kind, perChunk[c], workspaces[w]));
        out.clearSums();
        System.arraycopy(shifts, 0, out.rawShifts(), 0, shifts.length);
        double logLikelihood = 0;
        for (int c = 0; c < perChunk.length; c++) {
            out.add(perChunk[c]);
            logLikelihood += chunkLogLikelihood[c];
        }
        mirror(out, state.components, state.features);
        return logLikelihood;
    }

    private void mirror(StatisticsAccumulator s, int k, int d) {
        double[] scatter = s.rawScatter();
        if (kind == ScatterKind.FULL) {
            for (int c = 0; c < k; c++) {
                Matrices.mirrorUpper(scatter, c * d * d, d);
            }
        } else if (kind == ScatterKind.POOLED) {
            Matrices.mirrorUpper(scatter, 0, d);
        }
    }
}
