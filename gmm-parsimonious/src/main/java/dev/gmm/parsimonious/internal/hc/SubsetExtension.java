package dev.gmm.parsimonious.internal.hc;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.linalg.Matrices;

/**
 * What mclust does for the rows its hierarchical start left out (data larger than the 2,000-row
 * subset, {@code Mclust}'s initialization phase): an M-step on the subset from the hc labels, then an
 * E-step over all rows, whose responsibilities start EM — for the subset's rows too. mclust's M-step is
 * the model being fitted; an initializer does not know it, so this is VVV's (each cluster its own
 * mean, covariance and proportion), which is exactly mclust's start for VVV and close to it otherwise.
 * A cluster with too few rows for a full covariance (mclust's VVV M-step fails there) gets a ridge of
 * 1e-6 of the subset's mean variance, raised until its covariance is positive definite.
 */
final class SubsetExtension {
    private SubsetExtension() {
    }

    /** N·K responsibilities for every row of {@code data}, row-major. */
    static double[] responsibilities(DataMatrix data, int[] subset, int[] labels, int k) {
        int d = data.cols();
        double[] count = new double[k];
        double[][] mean = new double[k][d];
        for (int s = 0; s < subset.length; s++) {
            count[labels[s]]++;
            for (int a = 0; a < d; a++) {
                mean[labels[s]][a] += data.get(subset[s], a);
            }
        }
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < d; a++) {
                mean[c][a] /= count[c];
            }
        }
        double[][] covariance = new double[k][d * d];
        double averageVariance = 0;
        for (int s = 0; s < subset.length; s++) {
            int c = labels[s];
            for (int a = 0; a < d; a++) {
                double da = data.get(subset[s], a) - mean[c][a];
                averageVariance += da * da;
                for (int b = 0; b < d; b++) {
                    covariance[c][a * d + b] += da * (data.get(subset[s], b) - mean[c][b]) / count[c];
                }
            }
        }
        averageVariance /= (double) subset.length * d;
        double[][] factor = new double[k][];
        double[] logDet = new double[k];
        for (int c = 0; c < k; c++) {
            factor[c] = choleskyWithRidge(covariance[c], d, averageVariance);
            for (int a = 0; a < d; a++) {
                logDet[c] += 2 * Math.log(factor[c][a * d + a]);
            }
        }
        int n = data.rows();
        double[] out = new double[n * k];
        double[] x = new double[d];
        double[] solved = new double[d];
        for (int i = 0; i < n; i++) {
            data.copyRow(i, x, 0);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double mahalanobis = 0;
                for (int a = 0; a < d; a++) { // forward substitution L·y = x − μ
                    double t = x[a] - mean[c][a];
                    for (int b = 0; b < a; b++) {
                        t -= factor[c][a * d + b] * solved[b];
                    }
                    solved[a] = t / factor[c][a * d + a];
                    mahalanobis += solved[a] * solved[a];
                }
                double log = Math.log(count[c] / subset.length) - 0.5 * (logDet[c] + mahalanobis);
                out[i * k + c] = log;
                max = Math.max(max, log);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                out[i * k + c] = Math.exp(out[i * k + c] - max);
                sum += out[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                out[i * k + c] /= sum;
            }
        }
        return out;
    }

    private static double[] choleskyWithRidge(double[] covariance, int d, double averageVariance) {
        double[] factor = Matrices.choleskyLower(covariance, d);
        for (double ridge = 1e-6 * averageVariance; factor == null; ridge *= 10) {
            double[] regularized = covariance.clone();
            Matrices.addToDiagonal(regularized, d, ridge);
            factor = Matrices.choleskyLower(regularized, d);
        }
        return factor;
    }
}
