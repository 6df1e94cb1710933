package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.MixtureState;

/**
 * Per-row log-likelihoods and log-responsibilities of a fitted mixture, chunked over the cores (a
 * {@link ScoringPlan} per call), and what scoring's callers share.
 */
public final class Scoring {
    private Scoring() {
    }

    /**
     * Fills {@code logLikelihood[i]} = log p(xᵢ) and, when not null, {@code logResp[i·K + k]} = log rᵢₖ,
     * on every core: one {@link ScoringPlan} for the call.
     */
    public static void evaluate(DataMatrix data, MixtureState state, double[] logLikelihood, double[] logResp) {
        try (ScoringPlan plan = ScoringPlan.forRows(state, data.rows(), Runtime.getRuntime().availableProcessors())) {
            plan.evaluate(data, logLikelihood, logResp);
        }
    }

    /**
     * Finite data can still leave double precision: a row near 1e300 has a squared distance that
     * overflows, and its log-density becomes −∞ (its responsibilities 0/0). Rather than hand out
     * −Infinity or NaN, say which row and what to do.
     */
    static void requireFinite(DataMatrix data, double[] logLikelihood) {
        for (int i = 0; i < logLikelihood.length; i++) {
            if (!Double.isFinite(logLikelihood[i])) {
                throw new dev.gmm.core.DensityOutOfRangeException(i, "row " + i + " " + java.util.Arrays.toString(data.row(i))
                        + " has log-density " + logLikelihood[i] + ": it lies so far from every component that the"
                        + " density leaves double precision; rescale the data (e.g. standardize it) and fit on that scale");
            }
        }
    }

    /**
     * The most responsible component of each of {@code rows} rows of row-major log-responsibilities
     * (rows × k): scikit-learn's {@code predict}, the first component on a tie.
     */
    public static int[] mostResponsible(double[] logResp, int rows, int k) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logResp[i * k + c] > logResp[i * k + best]) {
                    best = c;
                }
            }
            labels[i] = best;
        }
        return labels;
    }
}
