package dev.gmm.spark.internal;

import dev.gmm.core.EmLoop;
import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.PartialStatistics;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.SplittableRandom;

/**
 * scikit-learn's EM loop with the passes over the data on Spark: for each start, a partitioned E-step
 * ({@link StatisticsPass}) and the covariance provider's M-step on the driver, until the lower bound
 * changes by less than tol; the start with the best lower bound is kept. The iterations run on gmm-core's
 * {@link EmLoop}, the loop of {@code GaussianMixture.fit}, so the same start gives the same iterations.
 */
public final class SparkEm {
    private SparkEm() {
    }

    /**
     * Fits {@code config} (its threads and executor do not apply) to the rows.
     *
     * @param initSampleSize at most this many rows reach the initializer (see {@link InitialSample})
     */
    public static GaussianMixtureModel fit(GaussianMixture config, TrainingData data, int initSampleSize) {
        long started = System.nanoTime();
        int k = config.components();
        if (data.rows() < k) {
            throw new IllegalArgumentException("Expected n_samples >= n_components but got n_components = " + k
                    + ", n_samples = " + data.rows() + ": use fewer components or more data");
        }
        boolean explicit = config.weightsInit() != null && config.meansInit() != null && config.precisionsInit() != null;
        // An explicit start needs no initializer: a few rows are enough for the core to check its shapes.
        InitialSample sample = InitialSample.of(data, explicit ? k : Math.max(initSampleSize, k), config.seed());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        int starts = explicit ? 1 : config.nInit();

        GaussianMixtureModel best = null;
        FitReport bestReport = null;
        for (int init = 0; init < starts; init++) {
            GaussianMixtureModel model = start(config, sample, explicit, seeds.split());
            Run run = iterate(config, data, model, init);
            if (best == null || run.report.lowerBound() > bestReport.lowerBound()) {
                best = run.model;
                bestReport = run.report;
            }
        }
        FitReport report = new FitReport(bestReport.converged(), bestReport.iterations(), bestReport.lowerBound(),
                bestReport.lowerBoundTrace(), bestReport.bestInit(), data.kernels(), data.partitions(),
                System.nanoTime() - started);
        return GaussianMixtureModel.of(best.covarianceType(), best.weights(), best.means(), best.parameters(),
                best.regCovar(), report);
    }

    private record Run(GaussianMixtureModel model, FitReport report) {
    }

    /** scikit-learn's {@code _initialize}: the initializer's responsibilities on the sample, one M-step. */
    private static GaussianMixtureModel start(GaussianMixture config, InitialSample sample, boolean explicit,
                                              SplittableRandom random) {
        GaussianMixture once = config.toBuilder().maxIter(0).nInit(1).listener(null).build();
        if (explicit) {
            return once.fit(sample.data(), sample.weights());
        }
        InitialResponsibilities resp = Plugins.initializer(config.initMethod())
                .initialize(sample.data(), sample.weights(), config.components(), random);
        if (resp instanceof InitialResponsibilities.SingleRows single) {
            return fromSingleRows(once, sample, single.rows());
        }
        return once.fitFromResponsibilities(sample.data(), sample.weights(),
                asMatrix(resp, sample.data().rows(), config.components()));
    }

    /**
     * Component c is row {@code rows[c]} alone (random_from_data, k-means++). Responsibility rows of all
     * zeros for the other rows cannot be passed as responsibilities, so the M-step runs on the chosen rows
     * with one-hot responsibilities — the same sums — and the weights are scikit-learn's
     * (wᵢ + 10·eps) / Σw over the whole sample, which, as there, do not sum to 1 before the first M-step.
     */
    private static GaussianMixtureModel fromSingleRows(GaussianMixture once, InitialSample sample, int[] rows) {
        int k = rows.length;
        double[][] oneHot = new double[k][k];
        double[] chosenWeights = sample.weights() == null ? null : new double[k];
        for (int c = 0; c < k; c++) {
            oneHot[c][c] = 1;
            if (chosenWeights != null) {
                chosenWeights[c] = sample.weights()[rows[c]];
            }
        }
        GaussianMixtureModel m = once.fitFromResponsibilities(sample.data().selectRows(rows), chosenWeights, oneHot);
        if (once.weightsInit() != null) {
            return m;
        }
        double total = sample.data().rows();
        if (sample.weights() != null) {
            total = 0;
            for (double w : sample.weights()) {
                total += w; // in row order, as the single-machine start sums them
            }
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = ((chosenWeights == null ? 1 : chosenWeights[c]) + SufficientStatistics.WEIGHT_GUARD) / total;
        }
        return GaussianMixtureModel.of(m.covarianceType(), weights, m.means(), m.parameters(), m.regCovar(), m.report());
    }

    private static Run iterate(GaussianMixture config, TrainingData data, GaussianMixtureModel model, int init) {
        double bound = Double.NEGATIVE_INFINITY;
        if (config.maxIter() == 0) {
            // scikit-learn returns the initialization; we report its mean log-likelihood
            PartialStatistics s = StatisticsPass.run(data, model, null);
            bound = s.logLikelihood() / s.totalWeight();
        }
        EmLoop loop = EmLoop.of(config.maxIter(), config.tol()).listener(config.listener())
                .nonFiniteBound("the log-likelihood", "the data or the start are degenerate; increase regCovar (now "
                        + config.regCovar() + ") or scale the data");
        // one step: a Spark job for the statistics under the model (a second, centred one when the first
        // is too inaccurate for the covariances), then the M-step on the driver
        EmLoop.Result<GaussianMixtureModel> run = loop.run(init, model, bound, current -> {
            PartialStatistics first = StatisticsPass.run(data, current, null);
            PartialStatistics stats = first.needsSecondPass(config.regCovar())
                    ? StatisticsPass.run(data, current, first.means()) : first;
            return new EmLoop.Iteration<>(stats.logLikelihood() / stats.totalWeight(),
                    () -> stats.maximize(config.regCovar(), current.report()));
        });
        FitReport report = new FitReport(run.converged(), run.iterations(), run.lowerBound(), run.trace(), init, "", 0, 0);
        return new Run(run.state(), report);
    }

    /** Any initializer's answer as the N × K responsibilities {@code fitFromResponsibilities} takes. */
    static double[][] asMatrix(InitialResponsibilities resp, int rows, int k) {
        double[][] r = new double[rows][k];
        switch (resp) {
            case InitialResponsibilities.HardLabels h -> {
                for (int i = 0; i < rows; i++) {
                    r[i][h.labels()[i]] = 1;
                }
            }
            case InitialResponsibilities.SingleRows s -> throw new IllegalStateException("single rows are not responsibilities");
            case InitialResponsibilities.Soft soft -> {
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(soft.values(), i * k, r[i], 0, k);
                }
            }
        }
        return r;
    }
}
