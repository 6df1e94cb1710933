package dev.gmm.core.spi;

import java.util.concurrent.Executor;

/**
 * How the fit that calls an {@link Initializer} runs: the number of worker threads and the caller's
 * executor (null for a pool of the fit's own), so that a start uses the same threads as the EM passes
 * after it. Work split over them must stay independent of their number (chunks by row count, reduced
 * in a fixed order). A fit whose thread is interrupted is cancelled: long initializers should check
 * {@link Thread#isInterrupted()} between passes.
 */
public interface FitContext {
    /** Worker threads, the calling thread included (at least 1). */
    int threads();

    /**
     * What the fit's other workers run on: the caller's executor, or the threads the fit started for
     * itself (an initializer that runs its passes on it starts no threads of its own); null when the
     * fit has one thread and no executor.
     */
    Executor executor();

    /** One thread, no executor: what a start made outside a fit uses. */
    FitContext SINGLE_THREAD = new FitContext() {
        @Override
        public int threads() {
            return 1;
        }

        @Override
        public Executor executor() {
            return null;
        }
    };
}
