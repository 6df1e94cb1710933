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
 * <p>Immutable and thread-safe once built. What a grid point whose fit fails does (an ill-defined
 * covariance, more components than samples: an {@link IllegalArgumentException} from the fit) is the
 * {@link OnFailure} policy: by default it fails the selection with a message naming the grid point;
 * with {@link OnFailure#SKIP} it becomes a failed {@link Candidate}, ranked last, and the other grid
 * points are still valid choices (real data has constant or discrete columns that defeat some
 * covariance types). The grid is fitted in a nesting order of its axes that {@link Builder#nesting}
 * sets; ties in the ranking keep that order.
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
    private final OnFailure onFailure;
    private final List<Axis> nesting;

    /** What a grid point whose fit throws an {@link IllegalArgumentException} does to the selection. */
    public enum OnFailure {
        /** The selection fails, naming the grid point and the fit's message (the default). */
        FAIL,
        /** The grid point is kept as a failed candidate, ranked last; the selection fails only if every point fails. */
        SKIP
    }

    /** The axes of the grid, for {@link Builder#nesting}. */
    public enum Axis {
        COMPONENTS, COVARIANCE_TYPE, INIT_METHOD, REG_COVAR, N_INIT
    }

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
        this.onFailure = b.onFailure;
        this.nesting = b.nesting;
    }

    /** A builder with sklearn's defaults: components {1}, "full", "kmeans", regCovar 1e-6, nInit 1, ranked by "bic". */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One grid point's fit.
     *
     * @param metric  the ranking value: the BIC, the AIC, the ICL or the named metric
     * @param failure the message of the fit that failed under {@link OnFailure#SKIP} (its numbers are then
     *                NaN and {@code converged} false), or null for a fit that succeeded
     */
    public record Candidate(int components, String covarianceType, String initMethod, double regCovar, int nInit,
                            double bic, double aic, double lowerBound, boolean converged, double metric,
                            String failure) {

        /** A grid point whose fit succeeded. */
        public Candidate(int components, String covarianceType, String initMethod, double regCovar, int nInit,
                         double bic, double aic, double lowerBound, boolean converged, double metric) {
            this(components, covarianceType, initMethod, regCovar, nInit, bic, aic, lowerBound, converged, metric, null);
        }

        /** Whether the fit failed (and was skipped). */
        public boolean failed() {
            return failure != null;
        }

        /** "components=3, covarianceType=full, initMethod=kmeans, regCovar=1.0E-6, nInit=1". */
        public String describe() {
            return "components=" + components + ", covarianceType=" + covarianceType + ", initMethod=" + initMethod
                    + ", regCovar=" + regCovar + ", nInit=" + nInit;
        }
    }

    /**
     * The ranked grid, best first, and the best fitted model.
     *
     * @param criterion the ranking criterion
     * @param ranked    every grid point, best first (grid order on ties), failed fits last in grid order
     * @param best      the model of {@code ranked.get(0)}
     * @param grid      every grid point in the order it was laid out (see {@link Builder#nesting})
     */
    public record Result(String criterion, List<Candidate> ranked, GaussianMixtureModel best, List<Candidate> grid) {

        /** A result whose grid order is its ranking's. */
        public Result(String criterion, List<Candidate> ranked, GaussianMixtureModel best) {
            this(criterion, ranked, best, ranked);
        }

        /** The best grid point. */
        public Candidate bestCandidate() {
            return ranked.get(0);
        }

        /** How many grid points failed and were skipped. */
        public int skipped() {
            return (int) ranked.stream().filter(Candidate::failed).count();
        }
    }

    /** Fits and ranks the grid on {@code data}; {@code truth} (may be null) feeds external metrics. */
    public Result select(DataMatrix data, int[] truth) {
        return select(data, truth, ProgressListener.NONE);
    }

    /** As {@link #select(DataMatrix, int[])}, reporting one step per fitted grid point to {@code progress}. */
    public Result select(DataMatrix data, int[] truth, ProgressListener progress) {
        return select(data, truth, progress, "model selection");
    }

    /** As {@link #select(DataMatrix, int[], ProgressListener)}, naming the task {@code task} on {@code progress}. */
    public Result select(DataMatrix data, int[] truth, ProgressListener progress, String task) {
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
        progress.start(task, grid.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, grid.size()))) {
            List<Future<Fitted>> futures = new ArrayList<>();
            for (GaussianMixture config : grid) {
                futures.add(pool.submit(() -> {
                    Fitted f = evaluateOrSkip(config, data, truth, metric);
                    progress.advance(1);
                    return f;
                }));
            }
            for (int g = 0; g < futures.size(); g++) {
                try {
                    fitted.add(futures.get(g).get());
                } catch (ExecutionException e) {
                    throw new IllegalArgumentException("model selection failed at " + describe(grid.get(g)) + ": "
                            + e.getCause().getMessage() + (e.getCause() instanceof IllegalArgumentException
                            ? " (onFailure(SKIP) skips such grid points)" : ""), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("model selection was interrupted", e);
                }
            }
        } finally {
            progress.finish();
        }
        List<Fitted> succeeded = fitted.stream().filter(f -> !f.candidate.failed()).toList();
        if (succeeded.isEmpty()) {
            throw new IllegalArgumentException("model selection failed at every one of its " + grid.size()
                    + " grid points; the first, " + fitted.get(0).candidate.describe() + ": "
                    + fitted.get(0).candidate.failure());
        }
        boolean lowerIsBetter = metric == null || !metric.higherIsBetter();
        Comparator<Fitted> order = Comparator.comparingDouble(f -> f.candidate.metric());
        List<Fitted> ranked = new ArrayList<>(succeeded);
        ranked.sort(lowerIsBetter ? order : order.reversed()); // stable: grid order on ties
        fitted.stream().filter(f -> f.candidate.failed()).forEach(ranked::add);
        return new Result(criterion, ranked.stream().map(Fitted::candidate).toList(), ranked.get(0).model,
                fitted.stream().map(Fitted::candidate).toList());
    }

    private record Fitted(Candidate candidate, GaussianMixtureModel model) {
    }

    private Fitted evaluateOrSkip(GaussianMixture config, DataMatrix data, int[] truth, ClusterMetric metric) {
        if (onFailure == OnFailure.FAIL) {
            return evaluate(config, data, truth, metric);
        }
        try {
            return evaluate(config, data, truth, metric);
        } catch (IllegalArgumentException e) { // IllDefinedCovarianceException among them
            return new Fitted(new Candidate(config.components(), config.covarianceType(), config.initMethod(),
                    config.regCovar(), config.nInit(), Double.NaN, Double.NaN, Double.NaN, false, Double.NaN,
                    String.valueOf(e.getMessage())), null);
        }
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

    /** Every combination of the axes' values, the first axis of {@link #nesting} outermost. */
    private List<GaussianMixture> grid() {
        List<GaussianMixture> grid = new ArrayList<>();
        lay(0, new int[Axis.values().length], grid);
        return grid;
    }

    private void lay(int depth, int[] at, List<GaussianMixture> grid) {
        if (depth == nesting.size()) {
            grid.add(GaussianMixture.builder().components(components[at[Axis.COMPONENTS.ordinal()]])
                    .covarianceType(covarianceTypes[at[Axis.COVARIANCE_TYPE.ordinal()]])
                    .initMethod(initMethods[at[Axis.INIT_METHOD.ordinal()]])
                    .regCovar(regCovars[at[Axis.REG_COVAR.ordinal()]]).nInit(nInits[at[Axis.N_INIT.ordinal()]])
                    .maxIter(maxIter).tol(tol).seed(seed).threads(1).build());
            return;
        }
        Axis axis = nesting.get(depth);
        int size = switch (axis) {
            case COMPONENTS -> components.length;
            case COVARIANCE_TYPE -> covarianceTypes.length;
            case INIT_METHOD -> initMethods.length;
            case REG_COVAR -> regCovars.length;
            case N_INIT -> nInits.length;
        };
        for (int i = 0; i < size; i++) {
            at[axis.ordinal()] = i;
            lay(depth + 1, at, grid);
        }
    }

    private static String describe(GaussianMixture g) {
        return new Candidate(g.components(), g.covarianceType(), g.initMethod(), g.regCovar(), g.nInit(), 0, 0, 0,
                false, 0).describe();
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
        private OnFailure onFailure = OnFailure.FAIL;
        private List<Axis> nesting = List.of(Axis.values());

        private Builder() {
        }

        /** What a grid point whose fit fails does (default {@link OnFailure#FAIL}). */
        public Builder onFailure(OnFailure policy) {
            if (policy == null) {
                throw new IllegalArgumentException("onFailure is null; use OnFailure.FAIL or OnFailure.SKIP");
            }
            this.onFailure = policy;
            return this;
        }

        /**
         * The order the grid is laid out in, outermost axis first; axes not named follow in the default
         * order (components, covariance type, init method, regCovar, nInit). It decides which of two
         * equally ranked grid points comes first, and the order of {@link Result#grid()}.
         */
        public Builder nesting(Axis... outermostFirst) {
            List<Axis> order = new ArrayList<>();
            for (Axis a : outermostFirst) {
                if (a == null || order.contains(a)) {
                    throw new IllegalArgumentException("nesting " + Arrays.toString(outermostFirst)
                            + " names an axis twice or null; name each axis at most once");
                }
                order.add(a);
            }
            for (Axis a : Axis.values()) {
                if (!order.contains(a)) {
                    order.add(a);
                }
            }
            this.nesting = List.copyOf(order);
            return this;
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
                + Arrays.toString(regCovars) + ", nInits=" + Arrays.toString(nInits) + ", criterion=" + criterion
                + ", onFailure=" + onFailure + ", nesting=" + nesting + "]";
    }
}
