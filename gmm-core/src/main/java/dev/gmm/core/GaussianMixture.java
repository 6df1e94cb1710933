package dev.gmm.core;

import dev.gmm.core.internal.EmEngine;
import dev.gmm.core.internal.EmOptions;

import java.util.concurrent.Executor;

/**
 * A Gaussian mixture estimator: an immutable configuration with scikit-learn's parameters and
 * defaults, and the {@code fit} methods that run EM and return an immutable
 * {@link GaussianMixtureModel}. Fitting never changes the configuration, so one instance may fit
 * many data sets, from many threads at once.
 *
 * <pre>{@code
 * GaussianMixtureModel model = GaussianMixture.builder()
 *         .components(3).covarianceType("full").seed(42)
 *         .build()
 *         .fit(DataMatrix.of(rows));
 * int[] labels = model.predict(DataMatrix.of(rows));
 * }</pre>
 *
 * <p>Sample weights travel with the data ({@link #fit(DataMatrix, double[])}); a warm start is a fit
 * started from an earlier model ({@link #fit(DataMatrix, double[], GaussianMixtureModel)}).
 */
public final class GaussianMixture implements MixtureEstimator<GaussianMixtureModel> {
    /** The settings, as the engines read them: the engine never calls back into this object. */
    private final EmOptions options;

    private GaussianMixture(Builder b) {
        this.options = new EmOptions(b.components, b.covarianceType, b.tol, b.regCovar, b.maxIter, b.nInit,
                b.initMethod, b.weightsInit, b.meansInit, b.precisionsInit, b.seed, b.threads, b.executor, b.listener);
    }

    /**
     * A builder with scikit-learn's defaults: 1 full-covariance component, tol 1e-3, regCovar 1e-6, 100
     * iterations, 1 k-means start.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.components = options.components();
        b.covarianceType = options.covarianceType();
        b.tol = options.tol();
        b.regCovar = options.regCovar();
        b.maxIter = options.maxIter();
        b.nInit = options.nInit();
        b.initMethod = options.initMethod();
        b.weightsInit = options.weightsInit();
        b.meansInit = options.meansInit();
        b.precisionsInit = options.precisionsInit();
        b.seed = options.seed();
        b.threads = options.threads();
        b.executor = options.executor();
        b.listener = options.listener();
        return b;
    }

    /** The settings as the engines read them. */
    EmOptions options() {
        return options;
    }

    /** Fits the mixture to unweighted data. */
    public GaussianMixtureModel fit(DataMatrix data) {
        return fit(data, null, null);
    }

    /**
     * Fits the mixture with a non-negative weight per row; integer weights give the same model as
     * repeating rows.
     */
    public GaussianMixtureModel fit(DataMatrix data, double[] sampleWeights) {
        return fit(data, sampleWeights, null);
    }

    /**
     * Fits the mixture, starting EM from {@code warmStart}'s parameters when it is not null
     * (scikit-learn's {@code warm_start}: one start, no initializer).
     *
     * @param sampleWeights per-row weights, or null
     * @param warmStart     a model of the same size and covariance type, or null
     */
    public GaussianMixtureModel fit(DataMatrix data, double[] sampleWeights, GaussianMixtureModel warmStart) {
        return EmEngine.fit(options, data, sampleWeights, warmStart);
    }

    /**
     * Fits from given responsibilities, as scikit-learn's {@code _initialize(X, resp)} and mclust's
     * {@code me()} start: one M-step from them (explicit weights, means or precisions of this
     * configuration still override), then EM. One start: {@code nInit} and the initializer do not apply.
     *
     * @param sampleWeights    per-row weights, or null
     * @param responsibilities N × K, each row non-negative and summing to 1
     * @throws IllegalArgumentException when the responsibilities have the wrong shape, a negative or
     *                                  non-finite value, or a row that does not sum to 1
     */
    public GaussianMixtureModel fitFromResponsibilities(DataMatrix data, double[] sampleWeights,
                                                        double[][] responsibilities) {
        return EmEngine.fitFromResponsibilities(options, data, sampleWeights, responsibilities);
    }

    /**
     * Fits, then labels the training data with the final model (scikit-learn's fit_predict): the labels
     * of {@code fit(data).predict(data)}, computed on the fit's own threads.
     */
    public int[] fitPredict(DataMatrix data) {
        return EmEngine.fitPredict(options, data, null).labels();
    }

    /** K, the number of mixture components ({@code n_components}). */
    public int components() {
        return options.components();
    }

    /** The covariance model's registered name: full, tied, diag, spherical or a plugin's ({@code covariance_type}). */
    public String covarianceType() {
        return options.covarianceType();
    }

    /** The convergence threshold on the change of the per-sample lower bound ({@code tol}). */
    public double tol() {
        return options.tol();
    }

    /** The non-negative value added to each covariance's diagonal ({@code reg_covar}). */
    public double regCovar() {
        return options.regCovar();
    }

    /** The most EM iterations of each start ({@code max_iter}). */
    public int maxIter() {
        return options.maxIter();
    }

    /** How many starts are run; the one with the best lower bound is kept ({@code n_init}). */
    public int nInit() {
        return options.nInit();
    }

    /**
     * The initializer's registered name: kmeans, k-means++, random, random_from_data or a plugin's
     * ({@code init_params}).
     */
    public String initMethod() {
        return options.initMethod();
    }

    /** The given start weights, or null. */
    public double[] weightsInit() {
        return options.weightsInit() == null ? null : options.weightsInit().clone();
    }

    /** The given start means, or null. */
    public double[][] meansInit() {
        return options.meansInit() == null ? null : deepCopy(options.meansInit());
    }

    /** The given start precisions in the covariance type's shape, or null. */
    public ShapedArray precisionsInit() {
        return options.precisionsInit();
    }

    /** The seed of every random choice ({@code random_state}); the same seed gives the same model. */
    public long seed() {
        return options.seed();
    }

    /** Worker threads for the passes over the data (results do not depend on it). */
    public int threads() {
        return options.threads();
    }

    /** The executor the workers run on, or null for a pool owned by each fit. */
    public Executor executor() {
        return options.executor();
    }

    /** The iteration listener, or null. */
    public IterationListener listener() {
        return options.listener();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "GaussianMixture[components=" + components() + ", covarianceType=" + covarianceType() + ", tol="
                + tol() + ", regCovar=" + regCovar() + ", maxIter=" + maxIter() + ", nInit=" + nInit()
                + ", initMethod=" + initMethod() + ", seed=" + seed() + ", threads=" + threads() + "]";
    }

    /**
     * Builds a {@link GaussianMixture}; each setter checks its argument, and {@link #build} checks
     * how they fit together. Defaults are scikit-learn's, and seed 0.
     */
    public static final class Builder {
        private int components = 1;
        private String covarianceType = "full";
        private double tol = 1e-3;
        private double regCovar = 1e-6;
        private int maxIter = 100;
        private int nInit = 1;
        private String initMethod = "kmeans";
        private double[] weightsInit;
        private double[][] meansInit;
        private ShapedArray precisionsInit;
        private long seed = 0;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Executor executor;
        private IterationListener listener;

        private Builder() {
        }

        /** The number of mixture components K (sklearn n_components), at least 1. */
        public Builder components(int components) {
            if (components < 1) {
                throw new IllegalArgumentException("components = " + components
                        + ": the number of mixture components must be at least 1");
            }
            this.components = components;
            return this;
        }

        /** "full" (default), "tied", "diag", "spherical", or a plugin's name. */
        public Builder covarianceType(String covarianceType) {
            Plugins.covarianceModel(covarianceType);
            this.covarianceType = covarianceType;
            return this;
        }

        /** Convergence threshold on the change of the lower bound; 0 runs exactly maxIter iterations. */
        public Builder tol(double tol) {
            if (!(tol >= 0) || Double.isInfinite(tol)) {
                throw new IllegalArgumentException("tol = " + tol + ": the convergence threshold must be a finite number >= 0");
            }
            this.tol = tol;
            return this;
        }

        /** Added to the diagonal of every covariance so it stays positive definite. */
        public Builder regCovar(double regCovar) {
            if (!(regCovar >= 0) || Double.isInfinite(regCovar)) {
                throw new IllegalArgumentException("regCovar = " + regCovar
                        + ": the covariance regularization must be a finite number >= 0 (default 1e-6)");
            }
            this.regCovar = regCovar;
            return this;
        }

        /**
         * EM iterations per start, at least 0. As in scikit-learn, 0 runs no EM: the model is the
         * initialization itself (its lower bound is the start's mean log-likelihood, not converged).
         */
        public Builder maxIter(int maxIter) {
            if (maxIter < 0) {
                throw new IllegalArgumentException("maxIter = " + maxIter
                        + ": the number of EM iterations must be at least 1 (or 0 to return the initialization)");
            }
            this.maxIter = maxIter;
            return this;
        }

        /** How many starts to run; the one with the best lower bound is kept. */
        public Builder nInit(int nInit) {
            if (nInit < 1) {
                throw new IllegalArgumentException("nInit = " + nInit + ": the number of starts must be at least 1");
            }
            this.nInit = nInit;
            return this;
        }

        /** "kmeans" (default), "k-means++", "random", "random_from_data", or a plugin's name. */
        public Builder initMethod(String initMethod) {
            Plugins.initializer(initMethod);
            this.initMethod = initMethod;
            return this;
        }

        /** Start weights (K values in [0, 1] summing to 1), or null. */
        public Builder weightsInit(double[] weights) {
            this.weightsInit = weights == null ? null : weights.clone();
            return this;
        }

        /** Start means (K rows of D values), or null. */
        public Builder meansInit(double[][] means) {
            this.meansInit = means == null ? null : deepCopy(means);
            return this;
        }

        /**
         * Start precisions in the covariance type's shape: full [K][D][D], tied [D][D], diag [K][D],
         * spherical [K] — or null.
         */
        public Builder precisionsInit(ShapedArray precisions) {
            this.precisionsInit = precisions;
            return this;
        }

        /** Full precisions [K][D][D]. */
        public Builder precisionsInit(double[][][] precisions) {
            return precisionsInit(precisions == null ? null : ShapedArray.of(precisions));
        }

        /** Tied [D][D] or diag [K][D] precisions. */
        public Builder precisionsInit(double[][] precisions) {
            return precisionsInit(precisions == null ? null : ShapedArray.of(precisions));
        }

        /** Spherical precisions [K]. */
        public Builder precisionsInit(double[] precisions) {
            return precisionsInit(precisions == null ? null : ShapedArray.of(precisions));
        }

        /** The seed of every random choice: the same seed gives the same model. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Worker threads (default: available processors). Results are identical for any count. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads = " + threads + ": use at least 1 thread");
            }
            this.threads = threads;
            return this;
        }

        /** Runs the workers on this executor instead of a pool owned by each fit; null for the default. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Called after every iteration; null for none. */
        public Builder listener(IterationListener listener) {
            this.listener = listener;
            return this;
        }

        /** The configuration, after checking that the start arrays agree with the components. */
        public GaussianMixture build() {
            if (weightsInit != null) {
                checkWeights(weightsInit, components);
            }
            if (meansInit != null && meansInit.length != components) {
                throw new IllegalArgumentException("'means' should have shape (" + components + ", n_features), but got "
                        + meansInit.length + " rows: pass one mean per component");
            }
            return new GaussianMixture(this);
        }

        private static void checkWeights(double[] w, int k) {
            if (w.length != k) {
                throw new IllegalArgumentException("'weights' should have shape (" + k + ",), but got (" + w.length
                        + ",): pass one weight per component");
            }
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] >= 0 && w[i] <= 1)) {
                    throw new IllegalArgumentException("'weights' should be in [0, 1], but weights[" + i + "] = " + w[i]);
                }
                sum += w[i];
            }
            if (!(Math.abs(1 - sum) <= 1e-8)) {
                throw new IllegalArgumentException("'weights' should be normalized, but got sum(weights) = "
                        + String.format(java.util.Locale.ROOT, "%.5f", sum) + ": divide them by their sum");
            }
        }
    }
}
