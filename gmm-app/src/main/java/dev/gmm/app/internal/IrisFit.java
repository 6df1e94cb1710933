package dev.gmm.app.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult.Table;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.metrics.BestMap;
import dev.gmm.metrics.ClusteringMetrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The study's headline check, run first by {@code gmm demo}: three full-covariance components
 * fitted to the bundled Iris (10 starts) put 145 of the 150 flowers in their species' cluster.
 * Produces the report section (petal scatter with each component's 1σ and 2σ ellipses, the
 * lower-bound trace, the species × cluster confusion) and the numbers of results.json's "iris".
 */
public final class IrisFit {
    /** The study's count of flowers in their species' cluster. */
    public static final int STUDY_MATCHED = 145;

    private final Dataset iris;
    private final GaussianMixtureModel model;
    private final int[] labels;
    private final BestMap bestMap;
    private final long seed;

    private IrisFit(Dataset iris, GaussianMixtureModel model, long seed) {
        this.iris = iris;
        this.model = model;
        this.seed = seed;
        this.labels = model.predict(iris.data());
        this.bestMap = ClusteringMetrics.bestMapAccuracy(iris.labels(), labels);
    }

    /** Fits the bundled Iris with the study's settings. */
    public static IrisFit run(long seed) throws IOException {
        if (!Plugins.names(DatasetProvider.class).contains("iris")) {
            throw new IllegalStateException("the bundled Iris data set (module gmm-datasets) is not installed; "
                    + "rebuild with 'mvn -DskipTests install' at the repository root");
        }
        Dataset d = Plugins.find(DatasetProvider.class, "iris").load(null);
        GaussianMixtureModel m = GaussianMixture.builder().components(3).covarianceType("full").nInit(10).seed(seed)
                .build().fit(d.data());
        return new IrisFit(d, m, seed);
    }

    public long matched() {
        return Math.round(bestMap.accuracy() * iris.data().rows());
    }

    /** The lines {@code gmm demo} prints. */
    public List<String> consoleLines() {
        DataMatrix x = iris.data();
        return List.of(
                String.format(Locale.ROOT, "== iris: %d flowers, %d features; 3 full-covariance components, 10 starts",
                        x.rows(), x.cols()),
                String.format(Locale.ROOT, "  %d iterations, converged=%s, kernel %s", model.report().iterations(),
                        model.report().converged(), model.report().kernel()),
                String.format(Locale.ROOT, "  mean log-likelihood %.6f, BIC %.3f, AIC %.3f", model.score(x), model.bic(x),
                        model.aic(x)),
                String.format(Locale.ROOT, "  %d of %d flowers in their species' cluster (the study: %d/150)", matched(),
                        x.rows(), STUDY_MATCHED));
    }

    /** results.json's "iris" entry (snake_case, Decision 7). */
    public ObjectNode json() {
        DataMatrix x = iris.data();
        ObjectNode node = ModelFiles.JSON.createObjectNode();
        node.put("n_samples", x.rows());
        node.put("n_features", x.cols());
        node.put("n_components", model.components());
        node.put("seed", seed);
        node.put("n_iter", model.report().iterations());
        node.put("converged", model.report().converged());
        node.put("kernel", model.report().kernel());
        node.put("mean_log_likelihood", model.score(x));
        node.put("bic", model.bic(x));
        node.put("aic", model.aic(x));
        node.put("best_map_accuracy", bestMap.accuracy());
        node.put("matched", matched());
        node.put("study_matched", STUDY_MATCHED);
        return node;
    }

    /** The report section. */
    public ExperimentResult result() {
        DataMatrix x = iris.data();
        long matched = matched();
        ExperimentResult.Builder out = ExperimentResult.builder("iris",
                "Iris: 3 full-covariance components, 10 starts");
        out.summary(String.format(Locale.ROOT, "The bundled Iris (%d flowers, %d features) clustered by a 3-component "
                + "full-covariance GMM, k-means start, 10 starts, seed %d; each cluster mapped to one species by the "
                + "best one-to-one assignment.", x.rows(), x.cols(), seed));
        out.finding(String.format(Locale.ROOT, "%d of %d flowers fall in their species' cluster (accuracy %.3f); the "
                + "study reported %d/150: %s.", matched, x.rows(), bestMap.accuracy(), STUDY_MATCHED,
                matched == STUDY_MATCHED ? "reproduced" : "not reproduced"));
        out.finding(String.format(Locale.ROOT, "EM took %d iterations (converged=%s) on the %s kernel.",
                model.report().iterations(), model.report().converged(), model.report().kernel()));
        ObjectNode numbers = json();
        numbers.properties().forEach(e -> out.number(e.getKey(), ModelFiles.JSON.convertValue(e.getValue(), Object.class)));
        out.chart(petalScatter());
        out.chart(new Chart("EM lower bound per iteration (best start)", ChartKind.LINE, "iteration",
                "mean log-likelihood", List.of(new Series("lower bound", IntStream.rangeClosed(1,
                model.report().lowerBoundTrace().length).asDoubleStream().toArray(), model.report().lowerBoundTrace()))));
        out.heatmap(ConfusionHeatmap.of("Species (rows) by cluster (columns)", bestMap, iris.labelNames()));
        out.table(components());
        return out.build();
    }

    /** Petal length against petal width by species, with each component's ellipses in those two features. */
    private Chart petalScatter() {
        int a = column("petal length", 2);
        int b = column("petal width", 3);
        DataMatrix x = iris.data();
        List<Series> series = new ArrayList<>();
        for (int species = 0; species < Math.max(1, iris.labelNames().size()); species++) {
            final int s = species;
            int[] rows = IntStream.range(0, x.rows()).filter(i -> iris.labels()[i] == s).toArray();
            series.add(new Series(species < iris.labelNames().size() ? iris.labelNames().get(species) : "class " + s,
                    IntStream.of(rows).mapToDouble(i -> x.get(i, a)).toArray(),
                    IntStream.of(rows).mapToDouble(i -> x.get(i, b)).toArray()));
        }
        List<Ellipse> ellipses = new ArrayList<>();
        for (int k = 0; k < model.components(); k++) {
            double[][] c = model.covariance(k);
            ellipses.add(new Ellipse(model.means()[k][a], model.means()[k][b],
                    new double[][] {{c[a][a], c[a][b]}, {c[b][a], c[b][b]}}, new double[] {1, 2}));
        }
        return new Chart("Iris petals by species, with the fitted components", ChartKind.SCATTER,
                iris.featureNames().get(a), iris.featureNames().get(b), series, ellipses);
    }

    private int column(String prefix, int fallback) {
        List<String> names = iris.featureNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).replace('_', ' ').startsWith(prefix)) {
                return i;
            }
        }
        return fallback;
    }

    private Table components() {
        List<String> columns = new ArrayList<>(List.of("component", "weight"));
        iris.featureNames().forEach(f -> columns.add("mean " + f));
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < model.components(); k++) {
            List<Object> row = new ArrayList<>(List.of(k, model.weights()[k]));
            for (double m : model.means()[k]) {
                row.add(m);
            }
            rows.add(row);
        }
        return new Table("Fitted components", columns, rows);
    }
}
