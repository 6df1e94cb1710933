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
        evaluate(data, state, logLikelihood, logResp, ALL_CORES);
    }

    /** Every core the JVM has, for {@link #evaluate(DataMatrix, MixtureState, double[], double[], int)}. */
    public static final int ALL_CORES = 0;

    /** As {@link #evaluate(DataMatrix, MixtureState, double[], double[])}, on at most {@code maxThreads} threads ({@link #ALL_CORES} for all). */
    public static void evaluate(DataMatrix data, MixtureState state, double[] logLikelihood, double[] logResp,
                                int maxThreads) {
        EmKernel kernel = Kernels.forWork(data.rows(), state.components, state.features,
                state.form == dev.gmm.core.spi.PrecisionForm.UPPER_TRIANGULAR);
        int[] bounds = RowChunks.bounds(data.rows());
        int cores = maxThreads == ALL_CORES ? Runtime.getRuntime().availableProcessors() : maxThreads;
        int threads = Math.min(cores, bounds.length - 1);
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
        requireFinite(data, logLikelihood);
    }

    /**
     * Finite data can still leave double precision: a row near 1e300 has a squared distance that
     * overflows, and its log-density becomes −∞ (its responsibilities 0/0). Rather than hand out
     * −Infinity or NaN, say which row and what to do.
     */
    private static void requireFinite(DataMatrix data, double[] logLikelihood) {
        for (int i = 0; i < logLikelihood.length; i++) {
            if (!Double.isFinite(logLikelihood[i])) {
                throw new dev.gmm.core.DensityOutOfRangeException(i, "row " + i + " " + java.util.Arrays.toString(data.row(i))
                        + " has log-density " + logLikelihood[i] + ": it lies so far from every component that the"
                        + " density leaves double precision; rescale the data (e.g. standardize it) and fit on that scale");
            }
        }
    }

    /**
     * The most responsible component of each of {@code rows} rows of row-major log-responsibilities
     * (rows × k): scikit-learn's {@code predict}, the first component on a tie.
     */
    public static int[] mostResponsible(double[] logResp, int rows, int k) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logResp[i * k + c] > logResp[i * k + best]) {
                    best = c;
                }
            }
            labels[i] = best;
        }
        return labels;
    }
}
