package dev.gmm.parsimonious.internal;

import dev.gmm.core.spi.IllDefinedCovarianceException;

/**
 * The stopping rule of the iterative M-steps (VEI, VEE, EVE, VVE, VEV): mclust iterates until the
 * relative change |new − old| / (1 + |new|) is at most sqrt(machine eps), its default
 * {@code emControl(tol = c(…, sqrt(.Machine$double.eps)))}. mclust sets no useful cap; we stop after
 * {@link #MAX_ITERATIONS} and say so in the log, keeping the last (finite) iterate rather than a NaN.
 */
final class InnerIteration {
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    static final int MAX_ITERATIONS = 10_000;
    private static final System.Logger LOG = System.getLogger(InnerIteration.class.getName());

    private InnerIteration() {
    }

    /** mclust's relative change. */
    static double change(double previous, double current) {
        return Math.abs(previous - current) / (1 + Math.abs(current));
    }

    /** Logs that the inner iterations of {@code model} stopped at the cap with the last change. */
    static void warnNotConverged(String model, double change) {
        LOG.log(System.Logger.Level.WARNING, () -> "the " + model + " M-step did not converge in " + MAX_ITERATIONS
                + " inner iterations (last relative change " + change + " > " + TOLERANCE
                + "); its last estimate is used. Try a simpler model or more data per component.");
    }

    /**
     * The check mclust makes after each inner step: a volume or shape that is not positive (or not
     * finite) means the component collapsed, which gmm reports as scikit-learn does.
     */
    static void requirePositive(double[] values, int component) {
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw IllDefinedCovarianceException.forComponent(component, 0);
            }
        }
    }
}
