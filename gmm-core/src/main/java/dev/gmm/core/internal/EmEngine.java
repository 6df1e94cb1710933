package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.EmLoop;
import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.FitContext;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.SplittableRandom;

/**
 * The EM driver, scikit-learn's {@code BaseMixture.fit_predict} loop: for each of nInit starts,
 * initialize, then iterate one fused pass (E-step + statistics) and one M-step until the lower
 * bound changes by less than tol; keep the start with the best lower bound.
 *
 * <p>It knows nothing of covariance shapes: the {@link CovarianceModel} turns statistics into
 * parameters, the {@link EmKernel} does the per-row work.
 */
public final class EmEngine {
    private EmEngine() {
    }

    /** Parameters of one mixture while EM runs. */
    private record Params(double[] weights, double[] means, CovarianceParameters covariance) {
    }

    public static GaussianMixtureModel fit(GaussianMixture config, DataMatrix data, double[] sampleWeights,
                                           GaussianMixtureModel warmStart) {
        return fit(config, data, sampleWeights, warmStart, kernelFor(config, data));
    }

    /** The kernel for this fit's size (Kernels.forWork): the same for the same shapes. */
    private static EmKernel kernelFor(GaussianMixture config, DataMatrix data) {
        if (data == null) {
            return Kernels.active();
        }
        boolean full = !Plugins.covarianceModel(config.covarianceType()).scatterKind()
                .equals(dev.gmm.core.spi.ScatterKind.DIAGONAL);
        return Kernels.forWork(data.rows(), config.components(), data.cols(), full);
    }

    /** As {@link #fit(GaussianMixture, DataMatrix, double[], GaussianMixtureModel)}, on the given kernel. */
    public static GaussianMixtureModel fit(GaussianMixture config, DataMatrix data, double[] sampleWeights,
                                           GaussianMixtureModel warmStart, EmKernel kernel) {
        return fit(config, data, sampleWeights, warmStart, null, kernel);
    }

    /**
     * scikit-learn's {@code _initialize(X, resp)} then EM: one start whose first M-step takes the given
     * N×K responsibilities (the explicit weights, means and precisions of the configuration still
     * override what it gives).
     */
    public static GaussianMixtureModel fitFromResponsibilities(GaussianMixture config, DataMatrix data,
                                                               double[] sampleWeights, double[][] responsibilities) {
        FitInputs.checkResponsibilities(responsibilities, data == null ? 0 : data.rows(), config.components());
        return fit(config, data, sampleWeights, null, soft(responsibilities), kernelFor(config, data));
    }

    /** Given N × K responsibilities as the initializers' soft form (shared with the variational engine). */
    public static InitialResponsibilities.Soft soft(double[][] responsibilities) {
        int k = responsibilities[0].length;
        double[] flat = new double[responsibilities.length * k];
        for (int i = 0; i < responsibilities.length; i++) {
            System.arraycopy(responsibilities[i], 0, flat, i * k, k);
        }
        return new InitialResponsibilities.Soft(flat, k);
    }

    private static GaussianMixtureModel fit(GaussianMixture config, DataMatrix data, double[] sampleWeights,
                                            GaussianMixtureModel warmStart, InitialResponsibilities given,
                                            EmKernel kernel) {
        long started = System.nanoTime();
        FitInputs.check(config, data, sampleWeights, warmStart);
        int k = config.components();
        int d = data.cols();
        CovarianceModel covariance = Plugins.covarianceModel(config.covarianceType());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        int starts = warmStart != null || given != null ? 1 : config.nInit();

        try (WorkerPool pool = new WorkerPool(config.threads(), config.executor())) {
            StatisticsPass pass = new StatisticsPass(data, sampleWeights, kernel, covariance.scatterKind(), k, pool,
                    config.regCovar());
            StatisticsAccumulator stats = new StatisticsAccumulator(k, d, covariance.scatterKind());
            double totalWeight = totalWeight(sampleWeights, data.rows());
            EmLoop loop = EmLoop.of(config.maxIter(), config.tol()).listener(config.listener())
                    .nonFiniteBound("the log-likelihood", "the data or the start are degenerate; increase reg_covar"
                            + " (now " + config.regCovar() + ") or scale the data");

            EmLoop.Result<Params> best = null;
            int bestInit = 0;
            for (int init = 0; init < starts; init++) {
                SplittableRandom random = seeds.split();
                Params params;
                double bound;
                if (warmStart != null) {
                    params = new Params(warmStart.weights(), flatten(warmStart.means()), warmStart.parameters());
                    bound = warmStart.report().lowerBound();
                } else {
                    params = initialize(config, covariance, data, sampleWeights, random, given, pool);
                    bound = Double.NEGATIVE_INFINITY;
                }
                if (config.maxIter() == 0) {
                    // scikit-learn returns the initialization; we report its mean log-likelihood
                    bound = pass.run(state(params), stats) / totalWeight;
                }
                // one step: the fused pass's bound under params, then (if finite) the M-step from its statistics
                EmLoop.Result<Params> run = loop.run(init, params, bound, p -> new EmLoop.Iteration<>(
                        pass.run(state(p), stats) / totalWeight,
                        () -> mStep(stats, covariance, config.regCovar(), p.covariance())));
                if (best == null || run.lowerBound() > best.lowerBound()) {
                    best = run;
                    bestInit = init;
                }
            }
            FitReport report = new FitReport(best.converged(), best.iterations(), best.lowerBound(), best.trace(),
                    bestInit, kernel.name(), pool.workersUsed(), System.nanoTime() - started);
            Params p = best.state();
            // the provider's own name, whatever case the configuration used
            return GaussianMixtureModel.of(covariance.name(), p.weights(), unflatten(p.means(), k, d),
                    p.covariance(), config.regCovar(), report);
        }
    }

    static MixtureState state(Params p) {
        return new MixtureState(p.weights(), p.means(), p.covariance());
    }

    /** scikit-learn's M-step: weights Nₖ/ΣN (normalized), means, then the provider's covariances. */
    public static GaussianMixtureModel maximize(String covarianceType, SufficientStatistics s, double regCovar,
                                                FitReport report, CovarianceParameters previous) {
        Params p = mStep(s, Plugins.covarianceModel(covarianceType), regCovar, previous);
        return GaussianMixtureModel.of(covarianceType, p.weights(), unflatten(p.means(), s.components(), s.features()),
                p.covariance(), regCovar, report);
    }

    private static Params mStep(SufficientStatistics s, CovarianceModel covariance, double regCovar,
                                CovarianceParameters previous) {
        int k = s.components();
        int d = s.features();
        double[] weights = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            weights[c] = s.guardedWeight(c);
            sum += weights[c];
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= sum;
        }
        double[] means = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(s.mean(c), 0, means, c * d, d);
        }
        return new Params(weights, means, covariance.estimate(s, regCovar, previous));
    }

    /**
     * scikit-learn's {@code _initialize}: one M-step from the initializer's responsibilities (weights
     * divided by n, not normalized), then the user's explicit weights, means and precisions override.
     */
    private static Params initialize(GaussianMixture config, CovarianceModel covariance, DataMatrix data,
                                     double[] sampleWeights, SplittableRandom random, InitialResponsibilities given,
                                     WorkerPool pool) {
        int k = config.components();
        int d = data.cols();
        double[] weights = config.weightsInit();
        double[] means = config.meansInit() == null ? null : flatten(config.meansInit());
        CovarianceParameters cov = config.precisionsInit() == null ? null
                : covariance.fromPrecisions(config.precisionsInit(), k, d);
        if (weights != null && means != null && cov != null) {
            return new Params(weights, means, cov);
        }
        InitialResponsibilities resp = given != null ? given
                : Plugins.initializer(config.initMethod()).initialize(data, sampleWeights, k, random,
                        fitContext(pool.workers(), config.executor()));
        StatisticsAccumulator s = InitialStatistics.of(data, sampleWeights, resp, k, covariance.scatterKind());
        if (weights == null) {
            weights = new double[k];
            for (int c = 0; c < k; c++) {
                weights[c] = s.guardedWeight(c) / s.totalWeight();
            }
        }
        if (means == null) {
            means = new double[k * d];
            for (int c = 0; c < k; c++) {
                System.arraycopy(s.mean(c), 0, means, c * d, d);
            }
        }
        if (cov == null) {
            cov = covariance.estimate(s, config.regCovar());
        }
        return new Params(weights, means, cov);
    }

    /** The fit's threads, for its initializer: the same count and executor as the EM passes. */
    private static FitContext fitContext(int threads, java.util.concurrent.Executor executor) {
        return new FitContext() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public java.util.concurrent.Executor executor() {
                return executor;
            }
        };
    }

    private static double totalWeight(double[] sampleWeights, int rows) {
        if (sampleWeights == null) {
            return rows;
        }
        double t = 0;
        for (double w : sampleWeights) {
            t += w;
        }
        return t;
    }

    static double[] flatten(double[][] m) {
        int d = m[0].length;
        double[] out = new double[m.length * d];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * d, d);
        }
        return out;
    }

    static double[][] unflatten(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    /** For the model: parameters of a shaped covariance array through its provider. */
    public static CovarianceParameters fromCovariances(String type, ShapedArray covariances, int k, int d) {
        return Plugins.covarianceModel(type).fromCovariances(covariances, k, d);
    }
}
