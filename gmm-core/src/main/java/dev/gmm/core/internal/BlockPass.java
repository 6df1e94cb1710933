package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.ScatterKind;

/**
 * One fused pass over a block of rows on the calling thread, for {@link dev.gmm.core.PartialStatistics}:
 * the same chunks and the same chunk-order reduction as a fit's passes, so a block that holds all the
 * rows gives the statistics a fit computes, bit for bit (the kernel is chosen for the size of the pass
 * the block belongs to, {@link Kernels#forWork}, as the fit chooses it for the data's).
 */
public final class BlockPass {
    private BlockPass() {
    }

    /**
     * The statistics of {@code rows} under {@code state} around {@code shifts}; the log-likelihood into
     * {@code out[0]}. {@code passRows} is the row count of the whole pass the block belongs to.
     */
    public static StatisticsAccumulator accumulate(DataMatrix rows, double[] sampleWeights, MixtureState state,
                                                   ScatterKind kind, double[] shifts, long passRows, double[] out) {
        // Chosen by the whole pass's size, as a fit of all its rows chooses: every block of the pass (a
        // short last block too) then runs the kernel the single-machine fit runs, which gmm-spark's
        // agreement with gmm fit relies on. Chosen by the block's own size, a Spark partition's short last
        // block ran the scalar kernel and diagonal blocks of 16,384 rows all did; chosen as SIMD for every
        // block, a small fit on Spark ran a different kernel than on one machine (SparkPluginTest's
        // tied-diag fit then ran 6 iterations on one side and 54 on the other).
        EmKernel kernel = Kernels.forWork(passRows, state.components, state.features, kind != ScatterKind.DIAGONAL);
        try (WorkerPool pool = new WorkerPool(1, null)) {
            StatisticsPass pass = new StatisticsPass(rows, sampleWeights, kernel, kind, state.components, pool, 0);
            StatisticsAccumulator stats = new StatisticsAccumulator(state.components, state.features, kind);
            out[0] = pass.runAround(state, shifts, stats);
            return stats;
        }
    }
}
