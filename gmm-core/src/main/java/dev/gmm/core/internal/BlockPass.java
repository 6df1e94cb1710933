package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.ScatterKind;

/**
 * One fused pass over a block of rows on the calling thread, for {@link dev.gmm.core.PartialStatistics}:
 * the same chunks and the same chunk-order reduction as a fit's passes, so a block that holds all the
 * rows gives the statistics a fit on the same kernel computes, bit for bit. The kernel is the one in use
 * ({@link Kernels#active}) whatever the block's size.
 */
public final class BlockPass {
    private BlockPass() {
    }

    /** The statistics of {@code rows} under {@code state} around {@code shifts}; the log-likelihood into {@code out[0]}. */
    public static StatisticsAccumulator accumulate(DataMatrix rows, double[] sampleWeights, MixtureState state,
                                                   ScatterKind kind, double[] shifts, double[] out) {
        // Not Kernels.forWork(rows, ...): partial statistics serve jobs that pass over many blocks in one
        // long-lived JVM (Spark executors, online EM, out-of-core passes), where the SIMD kernel's compile
        // time is paid once, not per block, so a block's size says nothing about whether SIMD pays. Choosing
        // by block size ran every partition's short last block, and every online batch below ~12,000 rows
        // at K 16, D 16, on the scalar kernel.
        EmKernel kernel = Kernels.active();
        try (WorkerPool pool = new WorkerPool(1, null)) {
            StatisticsPass pass = new StatisticsPass(rows, sampleWeights, kernel, kind, state.components, pool, 0);
            StatisticsAccumulator stats = new StatisticsAccumulator(state.components, state.features, kind);
            out[0] = pass.runAround(state, shifts, stats);
            return stats;
        }
    }
}
