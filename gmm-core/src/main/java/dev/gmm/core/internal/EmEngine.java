package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.EmLoop;
import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.SplittableRandom;

/**
 * The EM driver, scikit-learn's {@code BaseMixture.fit_predict} loop: for each of nInit starts,
 * initialize, then iterate one fused pass (E-step + statistics) and one M-step until the lower
 * bound changes by less than tol; keep the start with the best lower bound.
 *
 * <p>It knows nothing of covariance shapes: the {@link CovarianceModel} turns statistics into
 * parameters, the {@link EmKernel} does the per-row work. It reads the job from an {@link EmOptions}
 * value (never the public configuration) and runs it on one {@link FitPlan}.
 */
public final class EmEngine {
    private EmEngine() {
    }

    /** Parameters of one mixture while EM runs. */
    private record Params(double[] weights, double[] means, CovarianceParameters covariance) {
    }

    /** A fitted model and, for {@code fitPredict}, the labels of the training rows (else null). */
    public record Fitted(GaussianMixtureModel model, int[] labels) {
    }

    /** Fits {@code job} to the data, on a {@link FitPlan} built for it. */
    public static GaussianMixtureModel fit(EmOptions job, DataMatrix data, double[] sampleWeights,
                                           GaussianMixtureModel warmStart) {
        return fit(job, data, sampleWeights, warmStart, null, null, false).model();
    }

    /** As {@link #fit(EmOptions, DataMatrix, double[], GaussianMixtureModel)}, on the given kernel (tests). */
    public static GaussianMixtureModel fit(EmOptions job, DataMatrix data, double[] sampleWeights,
                                           GaussianMixtureModel warmStart, EmKernel kernel) {
        return fit(job, data, sampleWeights, warmStart, null, kernel, false).model();
    }

    /**
     * Fits, then labels the training rows with the final model on the fit's own workers (scikit-learn's
     * {@code fit_predict}): the labels are those of {@code model.predict(data)}.
     */
    public static Fitted fitPredict(EmOptions job, DataMatrix data, double[] sampleWeights) {
        return fit(job, data, sampleWeights, null, null, null, true);
    }

    /**
     * scikit-learn's {@code _initialize(X, resp)} then EM: one start whose first M-step takes the given
     * N×K responsibilities (the explicit weights, means and precisions of the configuration still
     * override what it gives).
     */
    public static GaussianMixtureModel fitFromResponsibilities(EmOptions job, DataMatrix data,
                                                               double[] sampleWeights, double[][] responsibilities) {
        FitInputs.checkResponsibilities(responsibilities, data == null ? 0 : data.rows(), job.components());
        return fit(job, data, sampleWeights, null, soft(responsibilities), null, false).model();
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

    private static Fitted fit(EmOptions job, DataMatrix data, double[] sampleWeights, GaussianMixtureModel warmStart,
                              InitialResponsibilities given, EmKernel kernel, boolean label) {
        long started = System.nanoTime();
        FitInputs.check(job, data, sampleWeights, warmStart);
        int k = job.components();
        int d = data.cols();
        SplittableRandom seeds = new SplittableRandom(job.seed());
        int starts = warmStart != null || given != null ? 1 : job.nInit();

        try (FitPlan plan = FitPlan.forEm(job, data, kernel)) {
            CovarianceModel covariance = plan.covariance();
            StatisticsPass pass = new StatisticsPass(data, sampleWeights, plan.kernel(), covariance.scatterKind(), k,
                    plan.passes(), job.regCovar());
            StatisticsAccumulator stats = new StatisticsAccumulator(k, d, covariance.scatterKind());
            double totalWeight = totalWeight(sampleWeights, data.rows());
            EmLoop loop = EmLoop.of(job.maxIter(), job.tol()).listener(job.listener())
                    .nonFiniteBound("the log-likelihood", "the data or the start are degenerate; increase reg_covar"
                            + " (now " + job.regCovar() + ") or scale the data");

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
                    params = initialize(job, plan, data, sampleWeights, random, given);
                    bound = Double.NEGATIVE_INFINITY;
                }
                if (job.maxIter() == 0) {
                    // scikit-learn returns the initialization; we report its mean log-likelihood
                    bound = pass.run(state(params), stats) / totalWeight;
                }
                // one step: the fused pass's bound under params, then (if finite) the M-step from its statistics
                EmLoop.Result<Params> run = loop.run(init, params, bound, p -> new EmLoop.Iteration<>(
                        pass.run(state(p), stats) / totalWeight,
                        () -> mStep(stats, covariance, job.regCovar(), p.covariance())));
                if (best == null || run.lowerBound() > best.lowerBound()) {
                    best = run;
                    bestInit = init;
                }
            }
            FitReport report = new FitReport(best.converged(), best.iterations(), best.lowerBound(), best.trace(),
                    bestInit, plan.kernel().name(), plan.passes().workersUsed(), System.nanoTime() - started);
            Params p = best.state();
            // the provider's own name, whatever case the configuration used
            GaussianMixtureModel model = model(covariance, p, k, d, job.regCovar(), report);
            if (!label) {
                return new Fitted(model, null);
            }
            try (ScoringPlan scoring = ScoringPlan.onFit(plan, state(p))) {
                return new Fitted(model, scoring.predict(data));
            }
        }
    }

    private static GaussianMixtureModel model(CovarianceModel covariance, Params p, int k, int d, double regCovar,
                                              FitReport report) {
        return GaussianMixtureModel.of(covariance.name(), p.weights(), unflatten(p.means(), k, d), p.covariance(),
                regCovar, report, covariance.covarianceParameterCount(k, d));
    }

    static MixtureState state(Params p) {
        return new MixtureState(p.weights(), p.means(), p.covariance());
    }

    /** scikit-learn's M-step: weights Nₖ/ΣN (normalized), means, then the provider's covariances. */
    public static GaussianMixtureModel maximize(String covarianceType, SufficientStatistics s, double regCovar,
                                                FitReport report, CovarianceParameters previous) {
        CovarianceModel covariance = Plugins.covarianceModel(covarianceType);
        Params p = mStep(s, covariance, regCovar, previous);
        int k = s.components();
        int d = s.features();
        return GaussianMixtureModel.of(covarianceType, p.weights(), unflatten(p.means(), k, d), p.covariance(),
                regCovar, report, covariance.covarianceParameterCount(k, d));
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
    private static Params initialize(EmOptions job, FitPlan plan, DataMatrix data, double[] sampleWeights,
                                     SplittableRandom random, InitialResponsibilities given) {
        int k = job.components();
        int d = data.cols();
        CovarianceModel covariance = plan.covariance();
        double[] weights = job.weightsInit() == null ? null : job.weightsInit().clone();
        double[] means = job.meansInit() == null ? null : flatten(job.meansInit());
        CovarianceParameters cov = job.precisionsInit() == null ? null
                : covariance.fromPrecisions(job.precisionsInit(), k, d);
        if (weights != null && means != null && cov != null) {
            return new Params(weights, means, cov);
        }
        // the initializer runs on the fit's threads, with the plan's kernel (the plan is its FitContext)
        InitialResponsibilities resp = given != null ? given
                : plan.initializer().initialize(data, sampleWeights, k, random, plan);
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
            cov = covariance.estimate(s, job.regCovar());
        }
        return new Params(weights, means, cov);
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
}
