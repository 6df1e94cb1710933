package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.internal.linalg.Matrices;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/**
 * The fused E-step + statistics pass over the data, chunked and reduced in chunk order. Holds every
 * buffer the passes of one fit need, allocated once: nothing is allocated inside the EM iterations.
 */
final class StatisticsPass {
    private final DataMatrix data;
    private final double[] sampleWeights;
    private final EmKernel kernel;
    private final ScatterKind kind;
    private final int[] bounds;
    private final SufficientStatistics[] perChunk;
    private final double[] chunkLogLikelihood;
    private final EmKernel.Workspace[] workspaces;
    private final WorkerPool pool;

    StatisticsPass(DataMatrix data, double[] sampleWeights, EmKernel kernel, ScatterKind kind, int components,
                   WorkerPool pool) {
        this.data = data;
        this.sampleWeights = sampleWeights;
        this.kernel = kernel;
        this.kind = kind;
        this.pool = pool;
        this.bounds = RowChunks.bounds(data.rows());
        int chunks = bounds.length - 1;
        this.perChunk = new SufficientStatistics[chunks];
        for (int c = 0; c < chunks; c++) {
            perChunk[c] = new SufficientStatistics(components, data.cols(), kind);
        }
        this.chunkLogLikelihood = new double[chunks];
        this.workspaces = new EmKernel.Workspace[pool.workers()];
        for (int w = 0; w < workspaces.length; w++) {
            workspaces[w] = kernel.newWorkspace(components, data.cols());
        }
    }

    /**
     * One pass under {@code state}: fills {@code out} (sums around the state's means) and returns
     * Σ wᵢ log p(xᵢ).
     */
    double run(MixtureState state, SufficientStatistics out) {
        for (SufficientStatistics s : perChunk) {
            s.clearSums();
            System.arraycopy(state.means, 0, s.rawShifts(), 0, state.means.length);
        }
        pool.run(perChunk.length, (c, w) -> chunkLogLikelihood[c] = kernel.accumulate(data, sampleWeights,
                bounds[c], bounds[c + 1], state, kind, perChunk[c], workspaces[w]));
        out.clearSums();
        System.arraycopy(state.means, 0, out.rawShifts(), 0, state.means.length);
        double logLikelihood = 0;
        for (int c = 0; c < perChunk.length; c++) {
            out.add(perChunk[c]);
            logLikelihood += chunkLogLikelihood[c];
        }
        mirror(out, state.components, state.features);
        return logLikelihood;
    }

    private void mirror(SufficientStatistics s, int k, int d) {
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
