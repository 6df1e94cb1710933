package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.ScatterKind;

/**
 * One fused pass over a block of rows on the calling thread, for {@link dev.gmm.core.PartialStatistics}:
 * the same chunks and the same chunk-order reduction as a fit's passes, so a block that holds all the
 * rows gives the statistics a fit computes, bit for bit (the kernel is chosen for the block's size,
 * {@link Kernels#forWork}, as the fit chooses it for the data's).
 */
public final class BlockPass {
    private BlockPass() {
    }

    /** The statistics of {@code rows} under {@code state} around {@code shifts}; the log-likelihood into {@code out[0]}. */
    public static StatisticsAccumulator accumulate(DataMatrix rows, double[] sampleWeights, MixtureState state,
                                                   ScatterKind kind, double[] shifts, double[] out) {
        // Chosen by the block's size, as a fit of these rows would choose: a block holding all the rows
        // then runs the fit's kernel and gives its statistics bit for bit, which gmm-spark's agreement with
        // gmm fit relies on. (Choosing the SIMD kernel for every block made Spark partitions' short last
        // blocks faster but a fit of small data on Spark run a different kernel than on one machine:
        // SparkPluginTest's tied-diag fit then ran 6 iterations on one side and 54 on the other.)
        EmKernel kernel = Kernels.forWork(rows.rows(), state.components, state.features, kind != ScatterKind.DIAGONAL);
        try (WorkerPool pool = new WorkerPool(1, null)) {
            StatisticsPass pass = new StatisticsPass(rows, sampleWeights, kernel, kind, state.components, pool, 0);
            StatisticsAccumulator stats = new StatisticsAccumulator(state.components, state.features, kind);
            out[0] = pass.runAround(state, shifts, stats);
            return stats;
        }
    }
}
