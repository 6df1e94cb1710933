package dev.gmm.parsimonious.internal.hc;

import dev.gmm.core.linalg.Matrices;

/**
 * The classification-likelihood term of one cluster under mclust's VVV hierarchical criterion (its
 * Fortran {@code hcvvv} and {@code vvvtij}; Fraley 1998): for l rows with scatter W,
 * <pre>
 *   term = l·log(β·(tr W + α)/l)                 if l ≤ D (W is singular)
 *   term = l·log(det(W/l) + β·(tr W + α)/l)      otherwise
 * </pre>
 * with α = tr(scatter of all rows)/(n·D) and β = 1 (mclust's defaults), so that a singleton's term is
 * log(αβ). Merging clusters i and j costs term(i ∪ j) − term(i) − term(j); the agglomeration merges the
 * cheapest pair. The α·β regularisation keeps small clusters' terms finite.
 */
final class VvvMergeCriterion {
    private final double alpha;
    private final double beta;
    private final int features;

    VvvMergeCriterion(double alpha, double beta, int features) {
        this.alpha = Math.max(alpha, Math.ulp(1.0)); // mclust: max(alpha, .Machine$double.eps)
        this.beta = beta;
        this.features = features;
    }

    /** mclust's α for rows {@code z}: the trace of their scatter around the mean, over n·D. */
    static VvvMergeCriterion forData(double[][] z) {
        int n = z.length;
        int d = z[0].length;
        double trace = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[j];
            }
            mean /= n;
            for (double[] row : z) {
                trace += (row[j] - mean) * (row[j] - mean);
            }
        }
        return new VvvMergeCriterion(trace / ((double) n * d), 1, d);
    }

    /**
     * The term of a cluster of {@code size} rows with scatter {@code w} (D·D row-major) whose trace is
     * {@code trace}. {@code pairOfSingletons}: mclust scores a merge of two single rows with the trace
     * formula whatever D is.
     */
    double term(int size, double[] w, double trace, boolean pairOfSingletons) {
        double l = size;
        double traceTerm = beta * (trace + alpha) / l;
        if (size <= features || pairOfSingletons) {
            return l * Math.log(traceTerm);
        }
        if (trace == 0) {
            return l * Math.log(alpha * beta / l);
        }
        double logDet = logDeterminantOver(w, l);
        if (logDet == Double.NEGATIVE_INFINITY) {
            return l * Math.log(traceTerm);
        }
        // log(det + t) without overflow, as vvvtij writes it
        return logDet <= 0 ? l * Math.log(Math.exp(logDet) + traceTerm)
                : l * (Math.log1p(Math.exp(-logDet) * traceTerm) + logDet);
    }

    /** The term of a single row: log(αβ). */
    double singleton() {
        return Math.log(alpha * beta);
    }

    /** log det(W/l) through Cholesky; −∞ when W is singular (a pivot that is not positive). */
    private double logDeterminantOver(double[] w, double l) {
        int d = features;
        double[] scaled = new double[d * d];
        for (int i = 0; i < d * d; i++) {
            scaled[i] = w[i] / l;
        }
        double[] factor = Matrices.choleskyLower(scaled, d);
        if (factor == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double logDet = 0;
        for (int j = 0; j < d; j++) {
            logDet += 2 * Math.log(factor[j * d + j]);
        }
        return logDet;
    }
}
