package dev.gmm.core;

import dev.gmm.core.internal.Scoring;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.internal.variational.VariationalPosterior;
import dev.gmm.core.spi.CovarianceParameters;

/**
 * A fitted variational Bayesian Gaussian mixture, scikit-learn's fitted
 * {@code BayesianGaussianMixture}: immutable and thread-safe, with its attributes
 * ({@code weights_}, {@code weight_concentration_}, {@code mean_precision_}, {@code means_},
 * {@code degrees_of_freedom_}, {@code covariances_}, {@code precisions_cholesky_}, the resolved priors)
 * and the {@link FitReport} ({@code lower_bound_}, {@code n_iter_}, {@code converged_}).
 *
 * <p>As in scikit-learn, {@link #scoreSamples}, {@link #predict} and {@link #predictProba} use the
 * variational E-step — the expected log weights and the expected log-densities under the posterior,
 * so {@code score_samples} is not the log-density of the mixture of {@link #weights()} and
 * {@link #covariances()} — while {@link #sample} draws from that point-estimate mixture.
 */
public final class BayesianGaussianMixtureModel implements MixtureModel {
    private final String covarianceType;
    private final VariationalPriors priors;
    private final VariationalPosterior posterior;
    private final double regCovar;
    private final FitReport report;
    private final MixtureState eStep;
    private final GaussianMixtureModel pointEstimate;

    private BayesianGaussianMixtureModel(String covarianceType, VariationalPriors priors, VariationalPosterior posterior,
                                         double regCovar, FitReport report) {
        this.covarianceType = covarianceType;
        this.priors = priors;
        this.posterior = posterior;
        this.regCovar = regCovar;
        this.report = report;
        this.eStep = posterior.eStepState();
        int k = posterior.components();
        int d = posterior.features();
        double[][] means = new double[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(posterior.means(), c * d, means[c], 0, d);
        }
        this.pointEstimate = GaussianMixtureModel.of(covarianceType, posterior.weights(), means, posterior.covariance(),
                regCovar, report);
    }

    /**
     * A model from its attributes (what {@code fit} and model readers use).
     *
     * @param priors              the resolved priors (every one set)
     * @param weightConcentration [α, β] for the process, [α] for the distribution, K values each
     * @param degreesOfFreedom    K values (tied: the one value repeated)
     * @param parameters          the covariances Wₖ⁻¹/νₖ and their precision factors
     * @throws IllegalArgumentException when shapes disagree, a value is out of range or the priors are unresolved
     */
    public static BayesianGaussianMixtureModel of(String covarianceType, WeightConcentrationPriorType priorType,
                                                  VariationalPriors priors, double[][] weightConcentration,
                                                  double[] meanPrecision, double[][] means, double[] degreesOfFreedom,
                                                  CovarianceParameters parameters, double regCovar, FitReport report) {
        if (priors == null || !priors.isResolved()) {
            throw new IllegalArgumentException("a fitted model needs every prior resolved, but got " + priors);
        }
        requirePositive("weight_concentration", weightConcentration[0]);
        requirePositive("weight_concentration", weightConcentration[weightConcentration.length - 1]);
        requirePositive("mean_precision", meanPrecision);
        requirePositive("degrees_of_freedom", degreesOfFreedom);
        for (double[] mean : means) {
            for (double v : mean) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a mean contains " + v + ": means must be finite");
                }
            }
        }
        return new BayesianGaussianMixtureModel(covarianceType, priors, VariationalPosterior.of(priorType,
                weightConcentration, meanPrecision, means, degreesOfFreedom, parameters), regCovar, report);
    }

    /** As {@link #of}, with the covariances in the type's scikit-learn shape (model files). */
    public static BayesianGaussianMixtureModel fromCovariances(String covarianceType,
                                                               WeightConcentrationPriorType priorType,
                                                               VariationalPriors priors, double[][] weightConcentration,
                                                               double[] meanPrecision, double[][] means,
                                                               double[] degreesOfFreedom, ShapedArray covariances,
                                                               double regCovar, FitReport report) {
        int d = means.length == 0 ? 0 : means[0].length;
        CovarianceParameters parameters = Plugins.covarianceModel(covarianceType)
                .fromCovariances(covariances, meanPrecision.length, d);
        return of(covarianceType, priorType, priors, weightConcentration, meanPrecision, means, degreesOfFreedom,
                parameters, regCovar, report);
    }

    private static void requirePositive(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + ": must be finite and > 0");
            }
        }
    }

    @Override
    public String covarianceType() {
        return covarianceType;
    }

    /** scikit-learn's {@code weight_concentration_prior_type}. */
    public WeightConcentrationPriorType weightConcentrationPriorType() {
        return posterior.priorType();
    }

    /** The priors as the fit resolved them (every one set). */
    public VariationalPriors priors() {
        return priors;
    }

    @Override
    public int components() {
        return posterior.components();
    }

    @Override
    public int features() {
        return posterior.features();
    }

    @Override
    public double regCovar() {
        return regCovar;
    }

    /**
     * sklearn {@code weights_}: the expected stick-breaking weights (process) or the normalized
     * concentrations (distribution); components the data do not need are near 0.
     */
    @Override
    public double[] weights() {
        return posterior.weights();
    }

    /** sklearn {@code weight_concentration_}: [α, β] of the K Betas (process), or [α] (distribution). */
    public double[][] weightConcentration() {
        return posterior.weightConcentration();
    }

    /** sklearn {@code mean_precision_}: βₖ, K values. */
    public double[] meanPrecision() {
        return posterior.meanPrecision().clone();
    }

    @Override
    public double[][] means() {
        return pointEstimate.means();
    }

    /** sklearn {@code degrees_of_freedom_}: νₖ, K values (tied: scikit-learn's one value, repeated). */
    public double[] degreesOfFreedom() {
        return posterior.degreesOfFreedom().clone();
    }

    @Override
    public ShapedArray covariances() {
        return posterior.covariance().covariances();
    }

    @Override
    public double[][] covariance(int k) {
        return posterior.covariance().fullCovariance(k);
    }

    @Override
    public ShapedArray precisionsCholesky() {
        return posterior.covariance().precisionsCholesky();
    }

    /** sklearn {@code precisions_}: the precision matrices in the type's shape. */
    public ShapedArray precisions() {
        return pointEstimate.precisions();
    }

    /**
     * The mixture of {@link #weights()}, {@link #means()} and {@link #covariances()} as a plain Gaussian
     * mixture (what {@link #sample} draws from); its densities are not this model's {@link #scoreSamples}.
     */
    public GaussianMixtureModel pointEstimate() {
        return pointEstimate;
    }

    /** The covariance parameters (covariances and precision factors). */
    public CovarianceParameters parameters() {
        return posterior.covariance();
    }

    @Override
    public FitReport report() {
        return report;
    }

    @Override
    public double[] scoreSamples(DataMatrix data) {
        double[] ll = new double[checked(data).rows()];
        Scoring.evaluate(data, eStep, ll, null);
        return ll;
    }

    @Override
    public double score(DataMatrix data) {
        double sum = 0;
        for (double v : scoreSamples(data)) {
            sum += v;
        }
        return sum / data.rows();
    }

    /** log rᵢₖ under the variational E-step, rows × K. */
    public double[][] predictLogProba(DataMatrix data) {
        int k = components();
        double[] lr = logResponsibilities(data);
        double[][] out = new double[data.rows()][k];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(lr, i * k, out[i], 0, k);
        }
        return out;
    }

    @Override
    public double[][] predictProba(DataMatrix data) {
        double[][] p = predictLogProba(data);
        for (double[] row : p) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.exp(row[c]);
            }
        }
        return p;
    }

    @Override
    public int[] predict(DataMatrix data) {
        int k = components();
        double[] lr = logResponsibilities(data);
        return Scoring.mostResponsible(lr, data.rows(), k);
    }

    /** Draws from the mixture of {@link #weights()}, {@link #means()} and {@link #covariances()}, as sklearn. */
    @Override
    public GaussianMixtureModel.Sample sample(int n, long seed) {
        return pointEstimate.sample(n, seed);
    }

    private double[] logResponsibilities(DataMatrix data) {
        double[] lr = new double[checked(data).rows() * components()];
        Scoring.evaluate(data, eStep, new double[data.rows()], lr);
        return lr;
    }

    private DataMatrix checked(DataMatrix data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass the samples as a DataMatrix");
        }
        if (data.cols() != features()) {
            throw new IllegalArgumentException("X has " + data.cols() + " features, but this model was fitted on "
                    + features() + " features: pass data with the training columns");
        }
        return data.requireFinite("X");
    }

    @Override
    public String toString() {
        return "BayesianGaussianMixtureModel[" + components() + " components, " + covarianceType + ", "
                + weightConcentrationPriorType().sklearnName() + ", " + features() + " features]";
    }
}
