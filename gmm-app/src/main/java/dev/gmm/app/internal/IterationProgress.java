package dev.gmm.app.internal;

import dev.gmm.core.IterationListener;
import dev.gmm.core.ProgressListener;

/**
 * Shows a fit's EM iterations on a progress bar: nInit starts of at most maxIter iterations each. A
 * start that converges early jumps the bar to the next start, so the bar never runs backwards.
 */
public final class IterationProgress implements IterationListener {
    private final ProgressListener progress;
    private final int maxIter;
    private long shown;

    public IterationProgress(ProgressListener progress, int nInit, int maxIter) {
        this.progress = progress;
        this.maxIter = Math.max(1, maxIter);
        progress.start("EM (" + nInit + " start" + (nInit == 1 ? "" : "s") + ")", (long) nInit * this.maxIter);
    }

    @Override
    public synchronized boolean onIteration(int init, int iteration, double lowerBound, double change) {
        long position = (long) init * maxIter + Math.min(iteration, maxIter);
        if (position > shown) {
            progress.advance(position - shown);
            shown = position;
        }
        return true;
    }

    /** Clears the bar. */
    public void done() {
        progress.finish();
    }
}
