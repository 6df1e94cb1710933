package dev.gmm.core.internal.variational;

import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.EmLoop;
import dev.gmm.core.FitReport;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.internal.EmEngine;
import dev.gmm.core.internal.EmOptions;
import dev.gmm.core.internal.FitPlan;
import dev.gmm.core.internal.FitInputs;
import dev.gmm.core.internal.InitialStatistics;
import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.internal.StatisticsPass;
import dev.gmm.core.internal.kernel.EmKernel;
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

    /** Fits {@code job} to the data on a {@link FitPlan} built for it. */
    public static BayesianGaussianMixtureModel fit(VariationalOptions job, DataMatrix data, double[] sampleWeights,
                                                   BayesianGaussianMixtureModel warmStart,
                                                   double[][] responsibilities) {
        return fit(job, data, sampleWeights, warmStart, responsibilities, null);
    }

    /** As above, on the given kernel (null: the plan's choice). */
    public static BayesianGaussianMixtureModel fit(VariationalOptions job, DataMatrix data, double[] sampleWeights,
                                                   BayesianGaussianMixtureModel warmStart, double[][] responsibilities,
                                                   EmKernel kernel) {
        long started = System.nanoTime();
        VariationalInputs.check(job, data, sampleWeights, warmStart);
        EmOptions common = job.common();
        if (responsibilities != null) {
            FitInputs.checkResponsibilities(responsibilities, data.rows(), common.components());
        }
        int k = common.components();
        int d = data.cols();
        VariationalPriors priors = VariationalInputs.resolve(job, data, sampleWeights);
        SplittableRandom seeds = new SplittableRandom(common.seed());
        int starts = warmStart != null || responsibilities != null ? 1 : common.nInit();
        EmLoop loop = EmLoop.of(common.maxIter(), common.tol()).listener(common.listener())
                .nonFiniteBound("the variational lower bound", "the data or the start are degenerate; increase"
                        + " reg_covar (now " + common.regCovar() + ") or scale the data");

        try (FitPlan plan = FitPlan.forVariational(common, data, kernel)) {
            ScatterKind kind = plan.covariance().scatterKind();
            VariationalMStep mStep = new VariationalMStep(plan.covariance(), job.priorType(), priors,
                    common.regCovar());
            StatisticsPass pass = new StatisticsPass(data, sampleWeights, plan.kernel(), kind, k, plan.passes(),
                    common.regCovar());
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
                    // the initializer runs on the fit's threads (the plan is its FitContext)
                    InitialResponsibilities start = responsibilities != null ? EmEngine.soft(responsibilities)
                            : plan.initializer().initialize(data, sampleWeights, k, random, plan);
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
                    bestInit, plan.kernel().name(), plan.passes().workersUsed(), System.nanoTime() - started);
            VariationalPosterior p = best.state();
            return BayesianGaussianMixtureModel.of(common.covarianceType(), job.priorType(),
                    priors, p.weightConcentration(), p.meanPrecision(), unflatten(p.means(), k, d),
                    p.degreesOfFreedom(), p.covariance(), common.regCovar(), report);
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
