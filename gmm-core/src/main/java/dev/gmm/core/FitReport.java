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

    /** Copies the trace, so the report stays immutable. */
    public FitReport {
        lowerBoundTrace = lowerBoundTrace.clone();
    }

    /** The lower bound after each iteration of the best start (a copy). */
    @Override
    public double[] lowerBoundTrace() {
        return lowerBoundTrace.clone();
    }

    /**
     * One readable line: converged, n_iter, the lower bound, the best start, kernel, workers and time;
     * the trace shows its length and last values rather than an array identity.
     */
    @Override
    public String toString() {
        int n = lowerBoundTrace.length;
        StringBuilder trace = new StringBuilder();
        for (int i = Math.max(0, n - 3); i < n; i++) {
            trace.append(i == Math.max(0, n - 3) ? "" : ", ").append(lowerBoundTrace[i]);
        }
        return "FitReport[converged=" + converged + ", iterations=" + iterations + ", lowerBound=" + lowerBound
                + ", lowerBoundTrace=" + n + " values" + (n > 3 ? " ending …, " : n > 0 ? ": " : "") + trace
                + ", bestInit=" + bestInit + ", kernel=" + kernel + ", workers=" + workers
                + ", elapsed=" + String.format(java.util.Locale.ROOT, "%.3f s", elapsedNanos / 1e9) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitReport r && converged == r.converged && iterations == r.iterations
                && Double.compare(lowerBound, r.lowerBound) == 0
                && java.util.Arrays.equals(lowerBoundTrace, r.lowerBoundTrace) && bestInit == r.bestInit
                && kernel.equals(r.kernel) && workers == r.workers && elapsedNanos == r.elapsedNanos;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(converged, iterations, lowerBound, java.util.Arrays.hashCode(lowerBoundTrace),
                bestInit, kernel, workers, elapsedNanos);
    }
}
