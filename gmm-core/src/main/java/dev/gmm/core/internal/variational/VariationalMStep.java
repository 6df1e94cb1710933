package dev.gmm.core.internal.variational;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.WeightConcentrationPriorType;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.SufficientStatistics;

/**
 * The variational M-step of scikit-learn 1.2.1 ({@code _estimate_weights}, {@code _estimate_means},
 * {@code _estimate_wishart_*}): from one pass's statistics — Nₖ (with sklearn's 10·eps guard), the
 * means x̄ₖ and the empirical covariances Sₖ (with reg_covar) — and the resolved priors, the new
 * posterior. The same for the start from responsibilities (sklearn {@code _initialize}).
 */
public final class VariationalMStep {
    private final CovarianceModel covariance;
    private final CovarianceLayout layout;
    private final WeightConcentrationPriorType priorType;
    private final double weightConcentrationPrior;
    private final double meanPrecisionPrior;
    private final double[] meanPrior;
    private final double degreesOfFreedomPrior;
    private final double[] covariancePrior;
    private final double regCovar;

    /**
     * @param covariance the fit's covariance model (one of the four built-in types), resolved once
     * @param priors     resolved priors ({@link VariationalPriors#isResolved()})
     */
    public VariationalMStep(CovarianceModel covariance, WeightConcentrationPriorType priorType, VariationalPriors priors,
                            double regCovar) {
        this.covariance = covariance;
        this.layout = VariationalInputs.layout(covariance.name());
        this.priorType = priorType;
        this.weightConcentrationPrior = priors.weightConcentrationPrior();
        this.meanPrecisionPrior = priors.meanPrecisionPrior();
        this.meanPrior = priors.meanPrior();
        this.degreesOfFreedomPrior = priors.degreesOfFreedomPrior();
        this.covariancePrior = priors.covariancePrior().values();
        this.regCovar = regCovar;
    }

    public VariationalPosterior apply(SufficientStatistics s) {
        int k = s.components();
        int d = s.features();
        double[] nk = new double[k];
        double[] xk = new double[k * d];
        for (int c = 0; c < k; c++) {
            nk[c] = s.guardedWeight(c);
            System.arraycopy(s.mean(c), 0, xk, c * d, d);
        }
        double[] a = new double[k];
        double[] b = null;
        if (priorType == WeightConcentrationPriorType.DIRICHLET_PROCESS) {
            b = new double[k];
            double tail = 0; // Σⱼ>ₖ Nⱼ, summed from the last component as numpy's reversed cumsum
            for (int c = k - 1; c >= 0; c--) {
                a[c] = 1 + nk[c];
                b[c] = weightConcentrationPrior + tail;
                tail += nk[c];
            }
        } else {
            for (int c = 0; c < k; c++) {
                a[c] = weightConcentrationPrior + nk[c];
            }
        }
        double[] meanPrecision = new double[k];
        double[] means = new double[k * d];
        for (int c = 0; c < k; c++) {
            meanPrecision[c] = meanPrecisionPrior + nk[c];
            for (int j = 0; j < d; j++) {
                means[c * d + j] = (meanPrecisionPrior * meanPrior[j] + nk[c] * xk[c * d + j]) / meanPrecision[c];
            }
        }
        double[] dof = new double[k];
        double[] covariances = switch (layout) {
            case FULL -> wishartFull(s, nk, xk, meanPrecision, dof);
            case TIED -> wishartTied(s, nk, xk, meanPrecision, dof);
            case DIAGONAL -> wishartDiag(s, nk, xk, meanPrecision, dof);
            case SPHERICAL -> wishartSpherical(s, nk, xk, meanPrecision, dof);
        };
        ShapedArray shaped = new ShapedArray(layout.shape(k, d), covariances);
        return new VariationalPosterior(priorType, a, b, meanPrecision, means, dof,
                covariance.fromCovariances(shaped, k, d));
    }

    private double[] wishartFull(SufficientStatistics s, double[] nk, double[] xk, double[] meanPrecision, double[] dof) {
        int k = nk.length;
        int d = s.features();
        double[] out = new double[k * d * d];
        double[] diff = new double[d];
        for (int c = 0; c < k; c++) {
            dof[c] = degreesOfFreedomPrior + nk[c];
            double[] sk = s.centredScatter(c);
            for (int j = 0; j < d; j++) {
                diff[j] = xk[c * d + j] - meanPrior[j];
            }
            double shrink = nk[c] * meanPrecisionPrior / meanPrecision[c];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double empirical = sk[i * d + j] / nk[c] + (i == j ? regCovar : 0);
                    out[(c * d + i) * d + j] = (covariancePrior[i * d + j] + nk[c] * empirical
                            + shrink * diff[i] * diff[j]) / dof[c];
                }
            }
        }
        return out;
    }

    private double[] wishartTied(SufficientStatistics s, double[] nk, double[] xk, double[] meanPrecision, double[] dof) {
        int k = nk.length;
        int d = s.features();
        double total = 0;
        for (double n : nk) {
            total += n;
        }
        double nu = degreesOfFreedomPrior + total / k;
        java.util.Arrays.fill(dof, nu);
        double[] pooled = s.centredPooledScatter();
        double[] spread = new double[d * d]; // Σₖ (Nₖ/βₖ) (x̄ₖ − m₀)(x̄ₖ − m₀)ᵀ
        for (int c = 0; c < k; c++) {
            double weight = nk[c] / meanPrecision[c];
            for (int i = 0; i < d; i++) {
                double di = xk[c * d + i] - meanPrior[i];
                for (int j = 0; j < d; j++) {
                    spread[i * d + j] += weight * di * (xk[c * d + j] - meanPrior[j]);
                }
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double empirical = pooled[i * d + j] / total + (i == j ? regCovar : 0);
                out[i * d + j] = (covariancePrior[i * d + j] + empirical * total / k
                        + meanPrecisionPrior / k * spread[i * d + j]) / nu;
            }
        }
        return out;
    }

    private double[] wishartDiag(SufficientStatistics s, double[] nk, double[] xk, double[] meanPrecision, double[] dof) {
        int k = nk.length;
        int d = s.features();
        double[] out = new double[k * d];
        for (int c = 0; c < k; c++) {
            dof[c] = degreesOfFreedomPrior + nk[c];
            double[] sk = s.centredDiagonal(c);
            for (int j = 0; j < d; j++) {
                double diff = xk[c * d + j] - meanPrior[j];
                double empirical = sk[j] / nk[c] + regCovar;
                out[c * d + j] = (covariancePrior[j] + nk[c] * (empirical
                        + meanPrecisionPrior / meanPrecision[c] * diff * diff)) / dof[c];
            }
        }
        return out;
    }

    private double[] wishartSpherical(SufficientStatistics s, double[] nk, double[] xk, double[] meanPrecision,
                                      double[] dof) {
        int k = nk.length;
        int d = s.features();
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            dof[c] = degreesOfFreedomPrior + nk[c];
            double[] sk = s.centredDiagonal(c);
            double empirical = 0;
            double squaredDiff = 0;
            for (int j = 0; j < d; j++) {
                empirical += sk[j] / nk[c] + regCovar;
                double diff = xk[c * d + j] - meanPrior[j];
                squaredDiff += diff * diff;
            }
            out[c] = (covariancePrior[0] + nk[c] * (empirical / d
                    + meanPrecisionPrior / meanPrecision[c] * (squaredDiff / d))) / dof[c];
        }
        return out;
    }
}
