package dev.gmm.parsimonious.internal;

import dev.gmm.core.spi.IllDefinedCovarianceException;

/**
 * The stopping rule of the iterative M-steps (VEI, VEE, EVE, VVE, VEV): mclust iterates until the
 * relative change |new − old| / (1 + |new|) is at most sqrt(machine eps), its default
 * {@code emControl(tol = c(…, sqrt(.Machine$double.eps)))}. mclust sets no useful cap; we stop after
 * {@link #maxIterations()} (10,000 unless the system property {@value #MAX_ITERATIONS_PROPERTY} says
 * otherwise) and say so in the log, keeping the last (finite) iterate rather than a NaN.
 */
final class InnerIteration {
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** The cap on inner iterations per M-step, for a user who trades accuracy for time (and for tests). */
    static final String MAX_ITERATIONS_PROPERTY = "gmm.parsimonious.maxInnerIterations";
    private static final System.Logger LOG = System.getLogger(InnerIteration.class.getName());

    private InnerIteration() {
    }

    /**
     * The cap on inner iterations of one M-step.
     *
     * @throws IllegalArgumentException when {@value #MAX_ITERATIONS_PROPERTY} is set to anything but a
     *                                  positive integer
     */
    static int maxIterations() {
        String value = System.getProperty(MAX_ITERATIONS_PROPERTY);
        if (value == null) {
            return DEFAULT_MAX_ITERATIONS;
        }
        try {
            int cap = Integer.parseInt(value.strip());
            if (cap >= 1) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new IllegalArgumentException("-D" + MAX_ITERATIONS_PROPERTY + "=" + value + " is not a positive "
                + "integer; give the most inner iterations an M-step may take (default " + DEFAULT_MAX_ITERATIONS + ")");
    }

    /** mclust's relative change. */
    static double change(double previous, double current) {
        return Math.abs(previous - current) / (1 + Math.abs(current));
    }

    /** Logs that the inner iterations of {@code model} stopped at the cap with the last change. */
    static void warnNotConverged(String model, double change) {
        LOG.log(System.Logger.Level.WARNING, () -> "the " + model + " M-step did not converge in " + maxIterations()
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
