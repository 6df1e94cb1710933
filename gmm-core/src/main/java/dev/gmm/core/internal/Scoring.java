package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;

/** Per-row log-likelihoods and log-responsibilities of a fitted mixture, chunked over the cores. */
public final class Scoring {
    private Scoring() {
    }

    /**
     * Fills {@code logLikelihood[i]} = log p(xᵢ) and, when not null, {@code logResp[i·K + k]} = log rᵢₖ.
     */
    public static void evaluate(DataMatrix data, MixtureState state, double[] logLikelihood, double[] logResp) {
        EmKernel kernel = Kernels.active();
        int[] bounds = RowChunks.bounds(data.rows());
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), bounds.length - 1);
        try (WorkerPool pool = new WorkerPool(threads, null)) {
            EmKernel.Workspace[] ws = new EmKernel.Workspace[pool.workers()];
            for (int w = 0; w < ws.length; w++) {
                ws[w] = kernel.newWorkspace(state.components, state.features);
            }
            pool.run(bounds.length - 1, (c, w) -> {
                int from = bounds[c];
                int to = bounds[c + 1];
                double[] ll = new double[to - from];
                double[] lr = logResp == null ? null : new double[(to - from) * state.components];
                kernel.logLikelihoods(data, from, to, state, ll, lr, ws[w]);
                System.arraycopy(ll, 0, logLikelihood, from, ll.length);
                if (lr != null) {
                    System.arraycopy(lr, 0, logResp, from * state.components, lr.length);
                }
            });
        }
    }
}
