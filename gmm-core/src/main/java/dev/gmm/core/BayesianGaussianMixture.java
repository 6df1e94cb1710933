package dev.gmm.core;

import dev.gmm.core.internal.variational.VariationalEngine;
import dev.gmm.core.internal.variational.VariationalOptions;

import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A variational Bayesian Gaussian mixture, scikit-learn 1.2.1's {@code BayesianGaussianMixture}: an
 * immutable configuration whose {@code fit} runs variational EM on the same fused kernel as
 * {@link GaussianMixture} and returns an immutable {@link BayesianGaussianMixtureModel}. With a
 * small {@code weight_concentration_prior}, components the data do not need get weights near zero:
 * fit with more components than you expect and read how many survive.
 *
 * <pre>{@code
 * BayesianGaussianMixtureModel model = BayesianGaussianMixture.builder()
 *         .components(10).covarianceType("full")
 *         .priors(VariationalPriors.defaults().withWeightConcentrationPrior(0.01))
 *         .build()
 *         .fit(DataMatrix.of(rows));
 * double[] weights = model.weights();
 * }</pre>
 *
 * <p>The settings it shares with EM (components, covariance type, tol, reg_covar, max_iter, n_init,
 * init_params, seed, threads, executor, listener) have {@link GaussianMixture}'s meanings, checks and
 * defaults; the covariance type is one of the four built-in ones. Sample weights travel with the data
 * and a warm start is a fit from an earlier model, as for EM.
 */
public final class BayesianGaussianMixture implements MixtureEstimator<BayesianGaussianMixtureModel> {
    /** The covariance types the variational updates are defined for. */
    public static final Set<String> COVARIANCE_TYPES = Set.of("full", "tied", "diag", "spherical");

    private final GaussianMixture common;
    private final WeightConcentrationPriorType priorType;
    private final VariationalPriors priors;
    /** What the engine reads: these settings, copied once (the engine never calls back into this object). */
    private final VariationalOptions options;

    private BayesianGaussianMixture(GaussianMixture common, WeightConcentrationPriorType priorType,
                                    VariationalPriors priors) {
        this.common = common;
        this.priorType = priorType;
        this.priors = priors;
        this.options = new VariationalOptions(common.options(), priorType, priors);
    }

    /**
     * A builder with scikit-learn's defaults: a Dirichlet-process weight prior, every other prior at
     * {@link VariationalPriors#defaults()}, and {@link GaussianMixture#builder()}'s EM settings.
     */
    public static Builder builder() {
        return new Builder(GaussianMixture.builder(), WeightConcentrationPriorType.DIRICHLET_PROCESS,
                VariationalPriors.defaults());
    }

    /** A builder holding this configuration, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(common.toBuilder(), priorType, priors);
    }

    @Override
    public BayesianGaussianMixtureModel fit(DataMatrix data, double[] sampleWeights) {
        return fit(data, sampleWeights, null);
    }

    /**
     * Fits, starting from {@code warmStart}'s posterior when it is not null (scikit-learn's
     * {@code warm_start}: one start, no initializer, the iterations continue from its lower bound).
     *
     * @param sampleWeights per-row weights, or null
     * @param warmStart     a model of the same size, covariance type and prior type, or null
     */
    public BayesianGaussianMixtureModel fit(DataMatrix data, double[] sampleWeights,
                                            BayesianGaussianMixtureModel warmStart) {
        return VariationalEngine.fit(options, data, sampleWeights, warmStart, null);
    }

    @Override
    public BayesianGaussianMixtureModel fitFromResponsibilities(DataMatrix data, double[] sampleWeights,
                                                                double[][] responsibilities) {
        return VariationalEngine.fit(options, data, sampleWeights, null, responsibilities);
    }

    /** The settings shared with EM, as a {@link GaussianMixture} configuration. */
    public GaussianMixture common() {
        return common;
    }

    /** The most components K the fit may use; the prior can leave some with almost no weight. */
    public int components() {
        return common.components();
    }

    /** The covariance model's registered name ({@code covariance_type}). */
    public String covarianceType() {
        return common.covarianceType();
    }

    /** scikit-learn's {@code weight_concentration_prior_type}. */
    public WeightConcentrationPriorType weightConcentrationPriorType() {
        return priorType;
    }

    /** The priors as given (unset ones take their defaults at fit time). */
    public VariationalPriors priors() {
        return priors;
    }

    /** The convergence threshold on the change of the lower bound ({@code tol}). */
    public double tol() {
        return common.tol();
    }

    /** The non-negative value added to each covariance's diagonal ({@code reg_covar}). */
    public double regCovar() {
        return common.regCovar();
    }

    /** The most iterations of each start ({@code max_iter}). */
    public int maxIter() {
        return common.maxIter();
    }

    /** How many starts are run; the best lower bound is kept ({@code n_init}). */
    public int nInit() {
        return common.nInit();
    }

    /** The initializer's registered name ({@code init_params}). */
    public String initMethod() {
        return common.initMethod();
    }

    /** The seed of every random choice ({@code random_state}). */
    public long seed() {
        return common.seed();
    }

    @Override
    public String toString() {
        return "BayesianGaussianMixture[" + common + ", weightConcentrationPriorType=" + priorType.sklearnName()
                + ", priors=" + priors + "]";
    }

    /**
     * Builds a {@link BayesianGaussianMixture}; defaults are scikit-learn's (K 1, full, dirichlet_process,
     * tol 1e-3, reg_covar 1e-6, max_iter 100, n_init 1, kmeans, default priors) and seed 0.
     */
    public static final class Builder {
        private final GaussianMixture.Builder common;
        private WeightConcentrationPriorType priorType;
        private VariationalPriors priors;

        private Builder(GaussianMixture.Builder common, WeightConcentrationPriorType priorType, VariationalPriors priors) {
            this.common = common;
            this.priorType = priorType;
            this.priors = priors;
        }

        /** K, the most components the fit may use, at least 1. */
        public Builder components(int components) {
            common.components(components);
            return this;
        }

        /** "full" (default), "tied", "diag" or "spherical". */
        public Builder covarianceType(String covarianceType) {
            if (!COVARIANCE_TYPES.contains(covarianceType)) {
                throw new IllegalArgumentException("covariance_type '" + covarianceType + "' has no variational "
                        + "updates: use full, tied, diag or spherical");
            }
            common.covarianceType(covarianceType);
            return this;
        }

        /** The prior on the weights (default {@link WeightConcentrationPriorType#DIRICHLET_PROCESS}). */
        public Builder weightConcentrationPriorType(WeightConcentrationPriorType type) {
            if (type == null) {
                throw new IllegalArgumentException("weightConcentrationPriorType is null: use DIRICHLET_PROCESS or "
                        + "DIRICHLET_DISTRIBUTION");
            }
            this.priorType = type;
            return this;
        }

        /** The prior on the weights by scikit-learn's name. */
        public Builder weightConcentrationPriorType(String sklearnName) {
            return weightConcentrationPriorType(WeightConcentrationPriorType.of(sklearnName));
        }

        /** The priors (default {@link VariationalPriors#defaults()}). */
        public Builder priors(VariationalPriors priors) {
            if (priors == null) {
                throw new IllegalArgumentException("priors is null: pass VariationalPriors.defaults() for scikit-learn's");
            }
            this.priors = priors;
            return this;
        }

        /** Convergence threshold on the change of the lower bound; 0 runs exactly maxIter iterations. */
        public Builder tol(double tol) {
            common.tol(tol);
            return this;
        }

        /** Added to the diagonal of each component's empirical covariance. */
        public Builder regCovar(double regCovar) {
            common.regCovar(regCovar);
            return this;
        }

        /** Iterations per start; 0 returns the initialization (lower bound −∞, as scikit-learn). */
        public Builder maxIter(int maxIter) {
            common.maxIter(maxIter);
            return this;
        }

        /** How many starts to run; the one with the best lower bound is kept. */
        public Builder nInit(int nInit) {
            common.nInit(nInit);
            return this;
        }

        /** "kmeans" (default), "k-means++", "random", "random_from_data", or a plugin's name. */
        public Builder initMethod(String initMethod) {
            common.initMethod(initMethod);
            return this;
        }

        /** The seed of every random choice. */
        public Builder seed(long seed) {
            common.seed(seed);
            return this;
        }

        /** Worker threads; results are identical for any count. */
        public Builder threads(int threads) {
            common.threads(threads);
            return this;
        }

        /** Runs the workers on this executor; null for a pool owned by each fit. */
        public Builder executor(Executor executor) {
            common.executor(executor);
            return this;
        }

        /** Called after every iteration with the lower bound; null for none. */
        public Builder listener(IterationListener listener) {
            common.listener(listener);
            return this;
        }

        /** The configuration, immutable. */
        public BayesianGaussianMixture build() {
            return new BayesianGaussianMixture(common.build(), priorType, priors);
        }
    }
}
