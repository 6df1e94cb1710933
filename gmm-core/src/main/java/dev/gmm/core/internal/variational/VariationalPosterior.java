package dev.gmm.core.internal.variational;

import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.WeightConcentrationPriorType;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.CovarianceParameters;

import static dev.gmm.core.internal.special.SpecialFunctions.betaln;
import static dev.gmm.core.internal.special.SpecialFunctions.digamma;
import static dev.gmm.core.internal.special.SpecialFunctions.lgamma;

/**
 * The variational posterior of a Bayesian Gaussian mixture, scikit-learn's fitted attributes: the
 * weight concentrations (α, β of the stick-breaking Betas for the Dirichlet process; α of the
 * Dirichlet distribution, with {@code concentrationB} null), the mean precisions βₖ, the means mₖ,
 * the Wishart degrees of freedom νₖ (tied: one value repeated per component) and the covariances
 * Wₖ⁻¹/νₖ with their precision Cholesky factors. From it: the E-step as a kernel state, the weights
 * and the lower bound.
 *
 * @param means K·D row-major
 */
public record VariationalPosterior(WeightConcentrationPriorType priorType, double[] concentrationA,
                                   double[] concentrationB, double[] meanPrecision, double[] means,
                                   double[] degreesOfFreedom, CovarianceParameters covariance) {
    private static final double LN2 = Math.log(2);

    /**
     * The posterior of a model's attributes (a warm start, a model read from a file).
     *
     * @throws IllegalArgumentException when the concentrations do not fit the prior type
     */
    public static VariationalPosterior of(WeightConcentrationPriorType priorType, double[][] weightConcentration,
                                          double[] meanPrecision, double[][] means, double[] degreesOfFreedom,
                                          CovarianceParameters covariance) {
        int rows = priorType == WeightConcentrationPriorType.DIRICHLET_PROCESS ? 2 : 1;
        int k = meanPrecision.length;
        if (weightConcentration.length != rows || weightConcentration[0].length != k
                || weightConcentration[rows - 1].length != k) {
            throw new IllegalArgumentException("weight_concentration of a " + priorType.sklearnName() + " model has "
                    + rows + " array(s) of " + k + " values, but got " + weightConcentration.length
                    + ": give " + (rows == 2 ? "the Beta parameters [alpha, beta]" : "one concentration per component"));
        }
        if (means.length != k || degreesOfFreedom.length != k || covariance.components() != k) {
            throw new IllegalArgumentException(k + " mean precisions but " + means.length + " means, "
                    + degreesOfFreedom.length + " degrees of freedom and " + covariance.components()
                    + " covariances: give one of each per component");
        }
        int d = covariance.features();
        double[] flat = new double[k * d];
        for (int c = 0; c < k; c++) {
            if (means[c].length != d) {
                throw new IllegalArgumentException("mean " + c + " has " + means[c].length + " values but the "
                        + "covariances are for " + d + " features");
            }
            System.arraycopy(means[c], 0, flat, c * d, d);
        }
        return new VariationalPosterior(priorType, weightConcentration[0].clone(),
                rows == 2 ? weightConcentration[1].clone() : null, meanPrecision.clone(), flat,
                degreesOfFreedom.clone(), covariance);
    }

    /** The posterior a model holds. */
    public static VariationalPosterior of(BayesianGaussianMixtureModel model) {
        return of(model.weightConcentrationPriorType(), model.weightConcentration(), model.meanPrecision(),
                model.means(), model.degreesOfFreedom(), model.parameters());
    }

    /** scikit-learn's {@code weight_concentration_}: [α, β] for the process, [α] for the distribution. */
    public double[][] weightConcentration() {
        return concentrationB == null ? new double[][] {concentrationA.clone()}
                : new double[][] {concentrationA.clone(), concentrationB.clone()};
    }

    public int components() {
        return meanPrecision.length;
    }

    public int features() {
        return covariance.features();
    }

    /**
     * E[log πₖ] (sklearn {@code _estimate_log_weights}): for the process ψ(αₖ) − ψ(αₖ + βₖ) plus the
     * Σⱼ&lt;ₖ (ψ(βⱼ) − ψ(αⱼ + βⱼ)) of the sticks broken before; for the distribution ψ(αₖ) − ψ(Σα).
     */
    public double[] expectedLogWeights() {
        int k = components();
        double[] out = new double[k];
        if (priorType == WeightConcentrationPriorType.DIRICHLET_PROCESS) {
            double broken = 0;
            for (int c = 0; c < k; c++) {
                double digammaSum = digamma(concentrationA[c] + concentrationB[c]);
                out[c] = digamma(concentrationA[c]) - digammaSum + broken;
                broken += digamma(concentrationB[c]) - digammaSum;
            }
            return out;
        }
        double total = 0;
        for (double a : concentrationA) {
            total += a;
        }
        double digammaTotal = digamma(total);
        for (int c = 0; c < k; c++) {
            out[c] = digamma(concentrationA[c]) - digammaTotal;
        }
        return out;
    }

    /**
     * The E-step as the kernel runs it: the Mahalanobis terms with the reported precision factors
     * (which already carry νₖ), and per-component constants E[log πₖ] − ½D log νₖ
     * + ½(D log 2 + Σⱼ ψ((νₖ − j)/2) − D/βₖ) in place of log weights (sklearn
     * {@code _estimate_weighted_log_prob}).
     */
    public MixtureState eStepState() {
        int k = components();
        int d = features();
        double[] logWeights = expectedLogWeights();
        for (int c = 0; c < k; c++) {
            double nu = degreesOfFreedom[c];
            double logLambda = d * LN2;
            for (int j = 0; j < d; j++) {
                logLambda += digamma(0.5 * (nu - j));
            }
            logWeights[c] += -0.5 * d * Math.log(nu) + 0.5 * (logLambda - d / meanPrecision[c]);
        }
        return MixtureState.withLogWeights(logWeights, means, covariance);
    }

    /** scikit-learn's {@code weights_}: the expected stick lengths, or α normalized. */
    public double[] weights() {
        int k = components();
        double[] w = new double[k];
        double sum = 0;
        if (priorType == WeightConcentrationPriorType.DIRICHLET_PROCESS) {
            double remaining = 1;
            for (int c = 0; c < k; c++) {
                double total = concentrationA[c] + concentrationB[c];
                w[c] = concentrationA[c] / total * remaining;
                remaining *= concentrationB[c] / total;
                sum += w[c];
            }
        } else {
            for (double a : concentrationA) {
                sum += a;
            }
            for (int c = 0; c < k; c++) {
                w[c] = concentrationA[c];
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] /= sum;
        }
        return w;
    }

    /**
     * scikit-learn's {@code _compute_lower_bound} for this (new) posterior and the responsibilities of
     * the E-step before it: −Σ r log r − Σₖ log B(νₖ, Wₖ) − log C(concentrations) − ½D Σₖ log βₖ, with
     * scikit-learn's constants dropped (log π in the Wishart norm).
     *
     * @param weightedEntropySum Σᵢ wᵢ Σₖ rᵢₖ log rᵢₖ
     */
    public double lowerBound(double weightedEntropySum) {
        int k = components();
        int d = features();
        double logWishart = 0;
        double logMeanPrecision = 0;
        for (int c = 0; c < k; c++) {
            double nu = degreesOfFreedom[c];
            double logDet = covariance.logDeterminant(c) - 0.5 * d * Math.log(nu);
            double norm = nu * logDet + nu * d * 0.5 * LN2;
            for (int j = 0; j < d; j++) {
                norm += lgamma(0.5 * (nu - j));
            }
            logWishart -= norm;
            logMeanPrecision += Math.log(meanPrecision[c]);
        }
        return -weightedEntropySum - logWishart - logNormWeight() - 0.5 * d * logMeanPrecision;
    }

    /** −Σ log B(αₖ, βₖ) for the process; log Γ(Σα) − Σ log Γ(αₖ) for the distribution. */
    private double logNormWeight() {
        double out = 0;
        if (priorType == WeightConcentrationPriorType.DIRICHLET_PROCESS) {
            for (int c = 0; c < components(); c++) {
                out -= betaln(concentrationA[c], concentrationB[c]);
            }
            return out;
        }
        double total = 0;
        for (double a : concentrationA) {
            total += a;
            out -= lgamma(a);
        }
        return out + lgamma(total);
    }
}
