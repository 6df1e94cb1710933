package dev.gmm.core.internal.variational;

import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.EmLoop;
import dev.gmm.core.FitReport;
import dev.gmm.core.Plugins;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.internal.EmEngine;
import dev.gmm.core.internal.FitInputs;
import dev.gmm.core.internal.InitialStatistics;
import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.internal.StatisticsPass;
import dev.gmm.core.internal.WorkerPool;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.ScatterKind;

import java.util.SplittableRandom;

/**
 * Variational EM, scikit-learn 1.2.1's {@code BaseMixture.fit_predict} loop for
 * {@code BayesianGaussianMixture}: per start, the variational M-step from the initializer's (or the
 * given) responsibilities, then iterations of one fused kernel pass under the posterior's E-step state,
 * the variational M-step, and the lower bound of the new posterior with the pass's responsibilities;
 * the start with the best lower bound is kept.
 */
public final class VariationalEngine {
    private VariationalEngine() {
    }

    public static BayesianGaussianMixtureModel fit(BayesianGaussianMixture config, DataMatrix data,
                                                   double[] sampleWeights, BayesianGaussianMixtureModel warmStart,
                                                   double[][] responsibilities) {
        return fit(config, data, sampleWeights, warmStart, responsibilities, Kernels.active());
    }

    /** As above, on the given kernel. */
    public static BayesianGaussianMixtureModel fit(BayesianGaussianMixture config, DataMatrix data,
                                                   double[] sampleWeights, BayesianGaussianMixtureModel warmStart,
                                                   double[][] responsibilities, EmKernel kernel) {
        long started = System.nanoTime();
        VariationalInputs.check(config, data, sampleWeights, warmStart);
        if (responsibilities != null) {
            FitInputs.checkResponsibilities(responsibilities, data.rows(), config.components());
        }
        int k = config.components();
        int d = data.cols();
        VariationalPriors priors = VariationalInputs.resolve(config, data, sampleWeights);
        VariationalMStep mStep = new VariationalMStep(config.covarianceType(), config.weightConcentrationPriorType(),
                priors, config.regCovar());
        ScatterKind kind = Plugins.covarianceModel(config.covarianceType()).scatterKind();
        SplittableRandom seeds = new SplittableRandom(config.seed());
        int starts = warmStart != null || responsibilities != null ? 1 : config.nInit();
        EmLoop loop = EmLoop.of(config.maxIter(), config.tol()).listener(config.common().listener())
                .nonFiniteBound("the variational lower bound", "the data or the start are degenerate; increase"
                        + " reg_covar (now " + config.regCovar() + ") or scale the data");

        try (WorkerPool pool = new WorkerPool(config.common().threads(), config.common().executor())) {
            StatisticsPass pass = new StatisticsPass(data, sampleWeights, kernel, kind, k, pool, config.regCovar());
            StatisticsAccumulator stats = new StatisticsAccumulator(k, d, kind);
            EmLoop.Result<VariationalPosterior> best = null;
            int bestInit = 0;
            for (int init = 0; init < starts; init++) {
                SplittableRandom random = seeds.split();
                VariationalPosterior posterior;
                double bound;
                if (warmStart != null) {
                    posterior = VariationalPosterior.of(warmStart);
                    bound = warmStart.report().lowerBound();
                } else {
                    InitialResponsibilities start = responsibilities != null ? EmEngine.soft(responsibilities)
                            : Plugins.initializer(config.initMethod()).initialize(data, sampleWeights, k, random);
                    posterior = mStep.apply(InitialStatistics.of(data, sampleWeights, start, k, kind));
                    bound = Double.NEGATIVE_INFINITY;
                }
                // one step: the fused pass under the posterior's E-step state, the variational M-step, and the
                // lower bound of the new posterior with the pass's responsibilities
                EmLoop.Result<VariationalPosterior> run = loop.run(init, posterior, bound, current -> {
                    MixtureState state = current.eStepState();
                    double logLikelihood = pass.run(state, stats);
                    double entropy = ResponsibilityEntropy.weightedSum(stats, state, logLikelihood);
                    VariationalPosterior next = mStep.apply(stats);
                    return new EmLoop.Iteration<>(next.lowerBound(entropy), () -> next);
                });
                // scikit-learn: the first start is kept whatever its bound (max_iter 0 leaves it at −∞)
                if (best == null || run.lowerBound() > best.lowerBound()) {
                    best = run;
                    bestInit = init;
                }
            }
            FitReport report = new FitReport(best.converged(), best.iterations(), best.lowerBound(), best.trace(),
                    bestInit, kernel.name(), pool.workersUsed(), System.nanoTime() - started);
            VariationalPosterior p = best.state();
            return BayesianGaussianMixtureModel.of(config.covarianceType(), config.weightConcentrationPriorType(),
                    priors, p.weightConcentration(), p.meanPrecision(), unflatten(p.means(), k, d),
                    p.degreesOfFreedom(), p.covariance(), config.regCovar(), report);
        }
    }

    private static double[][] unflatten(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }
}
