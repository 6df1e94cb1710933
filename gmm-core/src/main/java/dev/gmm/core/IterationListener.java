package dev.gmm.core;

/**
 * Told after every EM iteration; for progress displays and early stopping. A fit whose thread is
 * interrupted stops at the next iteration with a {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface IterationListener {

    /**
     * Called after each EM iteration of each start.
     *
     * @param init       which start (0-based) of {@code nInit}
     * @param iteration  the iteration just finished (1-based)
     * @param lowerBound the lower bound computed in its E-step
     * @param change     its change from the previous iteration
     * @return false to stop this start now (it counts as not converged), true to go on
     */
    boolean onIteration(int init, int iteration, double lowerBound, double change);
}
