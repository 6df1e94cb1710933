package dev.gmm.core;

/**
 * How a fit went, with scikit-learn's meanings.
 *
 * @param converged        whether the lower bound changed by less than {@code tol} (sklearn {@code converged_})
 * @param iterations       EM iterations of the best start (sklearn {@code n_iter_})
 * @param lowerBound       the mean log-likelihood computed in the last E-step, i.e. before the last
 *                         M-step (sklearn {@code lower_bound_}); with {@code maxIter = 0}, the start's
 * @param lowerBoundTrace  the lower bound after each iteration of the best start
 * @param bestInit         which of the {@code nInit} starts was kept (0-based)
 * @param kernel           the kernel that ran ("simd" or "scalar", with its lane count)
 * @param workers          how many threads took part in the passes over the data
 * @param elapsedNanos     wall time of the whole fit
 */
public record FitReport(boolean converged, int iterations, double lowerBound, double[] lowerBoundTrace,
                        int bestInit, String kernel, int workers, long elapsedNanos) {

    public FitReport {
        lowerBoundTrace = lowerBoundTrace.clone();
    }

    @Override
    public double[] lowerBoundTrace() {
        return lowerBoundTrace.clone();
    }
}
