package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult.Table;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.metrics.ConfusionMatrix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Experiment {@code iris}, the study's headline check, which {@code gmm demo} runs first: three
 * full-covariance components fitted to the bundled Iris (10 starts) put 145 of the 150 flowers in
 * their species' cluster. Produces the petal scatter with each component's 1σ and 2σ ellipses, the
 * lower-bound trace, the species × cluster confusion, and the numbers the demo also writes as
 * results.json's top-level "iris".
 */
public final class IrisExperiment implements Experiment {
    /** The study's count of flowers in their species' cluster. */
    static final int STUDY_MATCHED = 145;

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public IrisExperiment() {
    }

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public String description() {
        return "the study's Iris check: 145 of 150 flowers in their species' cluster";
    }

    @Override
    public boolean readsData() {
        return false;
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws IOException {
        context.read(this);
        if (!Plugins.names(DatasetProvider.class).contains("iris")) {
            throw new IllegalStateException("the bundled Iris data set (module gmm-datasets) is not installed; "
                    + "rebuild with 'mvn -DskipTests install' at the repository root");
        }
        Dataset iris = Plugins.find(DatasetProvider.class, "iris").load(null);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covarianceType("full").nInit(10)
                .seed(context.seed()).build().fit(iris.data());
        return new Fit(iris, model, context.seed()).result();
    }

    /** One fit of the bundled Iris and what the report shows of it. */
    private record Fit(Dataset iris, GaussianMixtureModel model, long seed, ConfusionMatrix confusion) {
        Fit(Dataset iris, GaussianMixtureModel model, long seed) {
            this(iris, model, seed, ConfusionMatrix.of(iris.labels(), model.predict(iris.data())));
        }

        long matched() {
            return Math.round(confusion.accuracy() * iris.data().rows());
        }

        /** The report section; its numbers are results.json's "iris" entry (snake_case, Decision 7). */
        ExperimentResult result() {
            DataMatrix x = iris.data();
            long matched = matched();
            ExperimentResult.Builder out = ExperimentResult.builder("iris",
                    "Iris: 3 full-covariance components, 10 starts");
            out.summary(String.format(Locale.ROOT, "The bundled Iris (%d flowers, %d features) clustered by a 3-component "
                    + "full-covariance GMM, k-means start, 10 starts, seed %d; each cluster mapped to one species by the "
                    + "best one-to-one assignment.", x.rows(), x.cols(), seed));
            out.finding(String.format(Locale.ROOT, "%d of %d flowers fall in their species' cluster (accuracy %.3f); the "
                    + "study reported %d/150: %s.", matched, x.rows(), confusion.accuracy(), STUDY_MATCHED,
                    matched == STUDY_MATCHED ? "reproduced" : "not reproduced"));
            out.finding(String.format(Locale.ROOT, "EM took %d iterations (converged=%s) on the %s kernel.",
                    model.report().iterations(), model.report().converged(), model.report().kernel()));
            out.finding(String.format(Locale.ROOT, "Mean log-likelihood %.6f, BIC %.3f, AIC %.3f.", model.score(x),
                    model.bic(x), model.aic(x)));
            out.number("n_samples", x.rows()).number("n_features", x.cols()).number("n_components", model.components())
                    .number("seed", seed).number("n_iter", model.report().iterations())
                    .number("converged", model.report().converged()).number("kernel", model.report().kernel())
                    .number("mean_log_likelihood", model.score(x)).number("bic", model.bic(x)).number("aic", model.aic(x))
                    .number("best_map_accuracy", confusion.accuracy()).number("matched", matched)
                    .number("study_matched", STUDY_MATCHED);
            out.chart(petalScatter());
            out.chart(new Chart("EM lower bound per iteration (best start)", ChartKind.LINE, "iteration",
                    "mean log-likelihood", List.of(new Series("lower bound", IntStream.rangeClosed(1,
                    model.report().lowerBoundTrace().length).asDoubleStream().toArray(), model.report().lowerBoundTrace()))));
            out.heatmap(confusion.matchedOnDiagonal().heatmap("Species (rows) by cluster (columns)",
                    ConfusionMatrix.names(iris.labelNames())));
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
}
