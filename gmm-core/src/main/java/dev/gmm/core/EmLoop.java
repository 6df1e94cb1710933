package dev.gmm.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * scikit-learn's EM iteration loop ({@code BaseMixture.fit_predict}'s inner loop) over a step that
 * a caller supplies, so that every engine — EM in this module, variational Bayes, EM whose passes are
 * Spark jobs — runs the same loop: at most {@code maxIter} steps, converged when the lower bound
 * changes by less than {@code tol} in absolute value, the {@link IterationListener} told after each
 * step, the thread's interrupt honoured between steps, and the lower-bound trace kept.
 *
 * <p>A step does one pass over the data under the current state and returns the lower bound with a
 * supplier of the next state. The loop checks the bound before it asks for the next state, so an
 * M-step run there never sees statistics whose bound is not finite; the failure names the bound, its
 * value and the iteration, with the caller's advice.
 *
 * <p>Immutable; one loop serves every start of a fit ({@link #run} takes the start's index).
 */
public final class EmLoop {

    /** One iteration: a pass under a state, giving its lower bound and the state that follows. */
    @FunctionalInterface
    public interface Step<S> {
        /** The pass under {@code state}; the loop calls {@link Iteration#next()} only if the bound is finite. */
        Iteration<S> from(S state);
    }

    /**
     * What a step found.
     *
     * @param lowerBound the bound this iteration reports (traced, passed to the listener, tested against tol)
     * @param next       the next state (for EM, the M-step from this pass's statistics); called at most once
     */
    public record Iteration<S>(double lowerBound, Supplier<S> next) {
        public Iteration {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * How a start ended.
     *
     * @param state      the state after the last step (the start itself if no step ran)
     * @param lowerBound the last step's bound (the start's bound if no step ran)
     * @param iterations how many steps ran
     * @param converged  whether the last change was below tol (false when the listener or max_iter stopped it)
     * @param trace      each step's bound, {@code iterations} long
     */
    public record Result<S>(S state, double lowerBound, int iterations, boolean converged, double[] trace) {
        public Result {
            trace = trace.clone();
        }

        @Override
        public double[] trace() {
            return trace.clone();
        }
    }

    private final int maxIter;
    private final double tol;
    private final IterationListener listener;
    private final String boundName;
    private final String advice;

    private EmLoop(int maxIter, double tol, IterationListener listener, String boundName, String advice) {
        this.maxIter = maxIter;
        this.tol = tol;
        this.listener = listener;
        this.boundName = boundName;
        this.advice = advice;
    }

    /**
     * A loop of at most {@code maxIter} steps (0 runs none) that stops when |change| &lt; {@code tol},
     * without a listener, naming its bound "the log-likelihood".
     */
    public static EmLoop of(int maxIter, double tol) {
        if (maxIter < 0) {
            throw new IllegalArgumentException("max_iter must be >= 0, got " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
        return new EmLoop(maxIter, tol, null, "the log-likelihood", "the data or the start are degenerate");
    }

    /** This loop telling {@code listener} (null for none) after each step; it may stop a start early. */
    public EmLoop listener(IterationListener listener) {
        return new EmLoop(maxIter, tol, listener, boundName, advice);
    }

    /**
     * This loop with the words of its failure when a bound is not finite: "{@code name} became NaN at
     * iteration 3: {@code advice}", e.g. "the variational lower bound" and "increase reg_covar (now 1e-6)".
     */
    public EmLoop nonFiniteBound(String name, String advice) {
        return new EmLoop(maxIter, tol, listener, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(advice, "advice"));
    }

    /**
     * Runs one start.
     *
     * @param init       the start's index (0-based), for the listener and the cancellation message
     * @param start      the initial state
     * @param startBound the bound the first change is measured from (−∞ for a fresh start, the model's
     *                   bound for a warm start); also the result's bound when no step runs
     * @throws CancellationException    if the thread is interrupted (checked before each step)
     * @throws IllegalArgumentException if a step's bound is NaN or infinite
     */
    public <S> Result<S> run(int init, S start, double startBound, Step<S> step) {
        S state = start;
        double bound = startBound;
        double[] trace = new double[maxIter];
        int iterations = 0;
        boolean converged = false;
        for (int iter = 1; iter <= maxIter; iter++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the fit was cancelled (thread interrupted) at start "
                        + init + ", iteration " + iter);
            }
            double previous = bound;
            Iteration<S> found = step.from(state);
            bound = found.lowerBound();
            if (!Double.isFinite(bound)) {
                throw new IllegalArgumentException(boundName + " became " + bound + " at iteration " + iter + ": "
                        + advice);
            }
            state = found.next().get();
            trace[iter - 1] = bound;
            iterations = iter;
            double change = bound - previous;
            boolean goOn = listener == null || listener.onIteration(init, iter, bound, change);
            // scikit-learn's test; it wins over the listener's stop, so a last step that converged says so
            if (Math.abs(change) < tol) {
                converged = true;
                break;
            }
            if (!goOn) {
                break;
            }
        }
        return new Result<>(state, bound, iterations, converged, Arrays.copyOf(trace, iterations));
    }
}
