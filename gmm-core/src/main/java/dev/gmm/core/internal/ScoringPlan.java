package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.PrecisionForm;

/**
 * How a model scores rows, decided once per scoring call (or once per stream of batches): the workers,
 * the kernel for the rows' size and one workspace per worker. A model's {@code score}, {@code predict}
 * and {@code predictProba} make one for their call; {@code predictStream} makes one for the whole
 * stream and labels every batch on it, on the consumer's thread; a fit's final labelling runs on the
 * fit's own {@link FitPlan}. Not thread-safe: one plan serves one caller at a time.
 *
 * <p>The kernel for a number of rows follows {@link Kernels#forWork} (the state's precision form
 * decides triangular or diagonal work), so a plan scores with the kernel scoring always used.
 */
public final class ScoringPlan implements AutoCloseable {
    private final MixtureState state;
    private final WorkerPool pool;
    private final boolean ownsPool;
    private EmKernel kernel;
    private EmKernel.Workspace[] workspaces;

    private ScoringPlan(MixtureState state, WorkerPool pool, boolean ownsPool) {
        this.state = state;
        this.pool = pool;
        this.ownsPool = ownsPool;
    }

    /**
     * A plan for scoring {@code rows} rows in one call, on at most {@code maxThreads} threads (fewer when
     * the rows make fewer chunks: rows that fit one chunk start no thread).
     */
    public static ScoringPlan forRows(MixtureState state, int rows, int maxThreads) {
        int chunks = RowChunks.bounds(rows).length - 1;
        return new ScoringPlan(state, new WorkerPool(Math.min(maxThreads, chunks), null), true);
    }

    /** A plan for batch after batch on the calling thread alone (a stream); it never starts a thread. */
    public static ScoringPlan sequential(MixtureState state) {
        return new ScoringPlan(state, new WorkerPool(1, null), true);
    }

    /** A plan on a fit's workers, for its final labelling; closing it leaves the fit's threads alone. */
    public static ScoringPlan onFit(FitPlan fit, MixtureState state) {
        return new ScoringPlan(state, fit.passes(), false);
    }

    /**
     * Fills {@code logLikelihood[i]} = log p(xᵢ) and, when not null, {@code logResp[i·K + k]} = log rᵢₖ.
     *
     * @throws dev.gmm.core.DensityOutOfRangeException when a row's density leaves double precision
     */
    public void evaluate(DataMatrix data, double[] logLikelihood, double[] logResp) {
        EmKernel k = Kernels.forWork(data.rows(), state.components, state.features,
                state.form == PrecisionForm.UPPER_TRIANGULAR);
        if (k != kernel) {
            // a stream's batches are all of one size but its last: workspaces are made again only when
            // that one runs another kernel
            kernel = k;
            workspaces = new EmKernel.Workspace[pool.workers()];
            for (int w = 0; w < workspaces.length; w++) {
                workspaces[w] = k.newWorkspace(state.components, state.features);
            }
        }
        EmKernel.Workspace[] ws = workspaces;
        int[] bounds = RowChunks.bounds(data.rows());
        pool.run(bounds.length - 1, (c, w) -> {
            int from = bounds[c];
            int to = bounds[c + 1];
            double[] ll = new double[to - from];
            double[] lr = logResp == null ? null : new double[(to - from) * state.components];
            k.logLikelihoods(data, from, to, state, ll, lr, ws[w]);
            System.arraycopy(ll, 0, logLikelihood, from, ll.length);
            if (lr != null) {
                System.arraycopy(lr, 0, logResp, from * state.components, lr.length);
            }
        });
        Scoring.requireFinite(data, logLikelihood);
    }

    /** The most responsible component of each row (scikit-learn's {@code predict}). */
    public int[] predict(DataMatrix data) {
        double[] lr = new double[data.rows() * state.components];
        evaluate(data, new double[data.rows()], lr);
        return Scoring.mostResponsible(lr, data.rows(), state.components);
    }

    /** Ends the threads the plan started (none for a stream's, nor for one on a fit's workers). */
    @Override
    public void close() {
        if (ownsPool) {
            pool.close();
        }
    }
}
