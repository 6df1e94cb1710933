package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One-call model selection (the study's "variación de parámetros"; sklearn has no such call): fits a
 * grid of components × covariance types × init methods × regCovar × nInit in parallel, one fit per
 * worker, and ranks the fits by {@code "bic"}, {@code "aic"}, {@code "icl"} (mclust's integrated
 * complete-data likelihood, {@link InformationCriteria#icl}; lower is better for the three) or by any
 * {@link ClusterMetric} name such as {@code "silhouette_score"} or {@code "adjusted_rand_score"}
 * (in that metric's direction; external metrics need the true labels).
 *
 * <p>Immutable and thread-safe once built. A fit that fails (for instance an ill-defined covariance)
 * fails the selection with a message naming the grid point, rather than being silently skipped.
 */
public final class ModelSelection {

    private final int[] components;
    private final String[] covarianceTypes;
    private final String[] initMethods;
    private final double[] regCovars;
    private final int[] nInits;
    private final int maxIter;
    private final double tol;
    private final long seed;
    private final String criterion;
    private final int parallelism;

    private ModelSelection(Builder b) {
        this.components = b.components.clone();
        this.covarianceTypes = b.covarianceTypes.clone();
        this.initMethods = b.initMethods.clone();
        this.regCovars = b.regCovars.clone();
        this.nInits = b.nInits.clone();
        this.maxIter = b.maxIter;
        this.tol = b.tol;
        this.seed = b.seed;
        this.criterion = b.criterion;
        this.parallelism = b.parallelism;
    }

    /** A builder with sklearn's defaults: components {1}, "full", "kmeans", regCovar 1e-6, nInit 1, ranked by "bic". */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One grid point's fit.
     *
     * @param metric the ranking value: the BIC, the AIC, the ICL or the named metric
     */
    public record Candidate(int components, String covarianceType, String initMethod, double regCovar, int nInit,
                            double bic, double aic, double lowerBound, boolean converged, double metric) {
    }

    /**
     * The ranked grid, best first, and the best fitted model.
     *
     * @param criterion the ranking criterion
     * @param ranked    every grid point, best first (grid order on ties)
     * @param best      the model of {@code ranked.get(0)}
     */
    public record Result(String criterion, List<Candidate> ranked, GaussianMixtureModel best) {

        /** The best grid point. */
        public Candidate bestCandidate() {
            return ranked.get(0);
        }
    }

    /** Fits and ranks the grid on {@code data}; {@code truth} (may be null) feeds external metrics. */
    public Result select(DataMatrix data, int[] truth) {
        return select(data, truth, ProgressListener.NONE);
    }

    /** As {@link #select(DataMatrix, int[])}, reporting one step per fitted grid point to {@code progress}. */
    public Result select(DataMatrix data, int[] truth, ProgressListener progress) {
        if (data == null || data.rows() < 2) {
            throw new IllegalArgumentException("data must have at least 2 rows to select a model");
        }
        if (truth != null && truth.length != data.rows()) {
            throw new IllegalArgumentException("truth has " + truth.length + " labels but data has " + data.rows()
                    + " rows; pass one label per sample or null");
        }
        ClusterMetric metric = switch (criterion) {
            case "bic", "aic", "icl" -> null;
            default -> Plugins.find(ClusterMetric.class, criterion);
        };
        if (metric != null && !metric.appliesTo(MetricInput.clustering(data, new int[data.rows()], truth))) {
            throw new IllegalArgumentException("criterion '" + criterion + "' needs inputs that select() was not given"
                    + (truth == null ? " (true labels: pass truth)" : "") + "; or rank by \"bic\", \"aic\" or \"icl\"");
        }
        List<GaussianMixture> grid = grid();
        List<Fitted> fitted = new ArrayList<>(grid.size());
        progress.start("model selection", grid.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, grid.size()))) {
            List<Future<Fitted>> futures = new ArrayList<>();
            for (GaussianMixture config : grid) {
                futures.add(pool.submit(() -> {
                    Fitted f = evaluate(config, data, truth, metric);
                    progress.advance(1);
                    return f;
                }));
            }
            for (int g = 0; g < futures.size(); g++) {
                try {
                    fitted.add(futures.get(g).get());
                } catch (ExecutionException e) {
                    throw new IllegalArgumentException("model selection failed at " + describe(grid.get(g)) + ": "
                            + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("model selection was interrupted", e);
                }
            }
        } finally {
            progress.finish();
        }
        boolean lowerIsBetter = metric == null || !metric.higherIsBetter();
        Comparator<Fitted> order = Comparator.comparingDouble(f -> f.candidate.metric());
        List<Fitted> ranked = new ArrayList<>(fitted);
        ranked.sort(lowerIsBetter ? order : order.reversed()); // stable: grid order on ties
        return new Result(criterion, ranked.stream().map(Fitted::candidate).toList(), ranked.get(0).model);
    }

    private record Fitted(Candidate candidate, GaussianMixtureModel model) {
    }

    private Fitted evaluate(GaussianMixture config, DataMatrix data, int[] truth, ClusterMetric metric) {
        GaussianMixtureModel model = config.fit(data);
        double bic = model.bic(data);
        double aic = model.aic(data);
        double value = switch (criterion) {
            case "bic" -> bic;
            case "aic" -> aic;
            case "icl" -> InformationCriteria.icl(model, data);
            default -> metric.compute(MetricInput.clustering(data, model.predict(data), truth));
        };
        return new Fitted(new Candidate(config.components(), config.covarianceType(), config.initMethod(),
                config.regCovar(), config.nInit(), bic, aic, model.report().lowerBound(), model.report().converged(),
                value), model);
    }

    private List<GaussianMixture> grid() {
        List<GaussianMixture> grid = new ArrayList<>();
        for (int k : components) {
            for (String type : covarianceTypes) {
                for (String init : initMethods) {
                    for (double reg : regCovars) {
                        for (int n : nInits) {
                            grid.add(GaussianMixture.builder().components(k).covarianceType(type).initMethod(init)
                                    .regCovar(reg).nInit(n).maxIter(maxIter).tol(tol).seed(seed).threads(1).build());
                        }
                    }
                }
            }
        }
        return grid;
    }

    private static String describe(GaussianMixture g) {
        return "components=" + g.components() + ", covarianceType=" + g.covarianceType() + ", initMethod="
                + g.initMethod() + ", regCovar=" + g.regCovar() + ", nInit=" + g.nInit();
    }

    /** Builds a {@link ModelSelection}; every grid axis needs at least one value. */
    public static final class Builder {
        private int[] components = {1};
        private String[] covarianceTypes = {"full"};
        private String[] initMethods = {"kmeans"};
        private double[] regCovars = {1e-6};
        private int[] nInits = {1};
        private int maxIter = 100;
        private double tol = 1e-3;
        private long seed = 0;
        private String criterion = "bic";
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Numbers of components to try, each at least 1. */
        public Builder components(int... values) {
            requireNonEmpty("components", values == null ? 0 : values.length);
            for (int v : values) {
                if (v < 1) {
                    throw new IllegalArgumentException("components contains " + v + "; each must be at least 1");
                }
            }
            this.components = values.clone();
            return this;
        }

        /** Covariance types to try ("full", "tied", "diag", "spherical" or a plugin's name). */
        public Builder covarianceTypes(String... values) {
            requireNonEmpty("covarianceTypes", values == null ? 0 : values.length);
            this.covarianceTypes = values.clone();
            return this;
        }

        /** Initialisation methods to try ("kmeans", "k-means++", "random", "random_from_data"). */
        public Builder initMethods(String... values) {
            requireNonEmpty("initMethods", values == null ? 0 : values.length);
            this.initMethods = values.clone();
            return this;
        }

        /** regCovar values to try. */
        public Builder regCovars(double... values) {
            requireNonEmpty("regCovars", values == null ? 0 : values.length);
            this.regCovars = values.clone();
            return this;
        }

        /** nInit values to try. */
        public Builder nInits(int... values) {
            requireNonEmpty("nInits", values == null ? 0 : values.length);
            this.nInits = values.clone();
            return this;
        }

        /** maxIter of every fit. */
        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** tol of every fit. */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        /** Seed of every fit (the same for all grid points, so they are comparable). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** "bic", "aic", "icl" or a ClusterMetric name. */
        public Builder criterion(String criterion) {
            if (criterion == null || criterion.isBlank()) {
                throw new IllegalArgumentException("criterion is empty; use \"bic\", \"aic\", \"icl\" or a metric name such as"
                        + " \"silhouette_score\"");
            }
            if (!criterion.equals("bic") && !criterion.equals("aic") && !criterion.equals("icl")) {
                Plugins.find(ClusterMetric.class, criterion); // fails early, listing the known names
            }
            this.criterion = criterion;
            return this;
        }

        /** How many fits run at once (default: available processors). */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism is " + parallelism + "; it must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** The immutable selection. */
        public ModelSelection build() {
            return new ModelSelection(this);
        }

        private static void requireNonEmpty(String name, int length) {
            if (length == 0) {
                throw new IllegalArgumentException(name + " is empty; give at least one value to try");
            }
        }
    }

    @Override
    public String toString() {
        return "ModelSelection[components=" + Arrays.toString(components) + ", covarianceTypes="
                + Arrays.toString(covarianceTypes) + ", initMethods=" + Arrays.toString(initMethods) + ", regCovars="
                + Arrays.toString(regCovars) + ", nInits=" + Arrays.toString(nInits) + ", criterion=" + criterion + "]";
    }
}
