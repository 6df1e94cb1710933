package dev.gmm.core;

/**
 * Receives progress of long work (an experiment, a grid search, feature extraction). Implementations
 * must be thread-safe: workers may report concurrently.
 */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void finish() {
        }
    };

    /** A task of {@code total} steps begins (total ≤ 0 when unknown). */
    void start(String task, long total);

    /** {@code steps} more steps are done. */
    void advance(long steps);

    /** The current task is done. */
    void finish();
}
