package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.Dataset;
import dev.gmm.core.spi.DatasetProvider;
import dev.gmm.core.spi.Experiment;
import dev.gmm.core.spi.ExperimentContext;
import dev.gmm.metrics.ClusteringMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gmm demo}: the Iris fit of the study, then every registered experiment on bundled or
 * generated data (no download), with every number written to {@code results.json} in the output
 * directory. The HTML report with plots is still to come (issue 9).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the Iris fit and every experiment on bundled or generated data; numbers go to DIR/results.json.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "gmm-report", description = "Output directory (default: gmm-report).")
    Path out;
    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!Plugins.names(DatasetProvider.class).contains("iris")) {
            throw new IllegalStateException("the bundled Iris data set (module gmm-datasets) is not installed; "
                    + "rebuild with 'mvn -DskipTests install' at the repository root");
        }
        Files.createDirectories(out);
        ObjectNode results = ModelFiles.JSON.createObjectNode();
        results.set("iris", iris());
        ObjectNode experiments = results.putObject("experiments");
        for (Experiment experiment : Plugins.all(Experiment.class)) {
            long started = System.nanoTime();
            System.out.printf(Locale.ROOT, "%n== %s: %s%n", experiment.name(), experiment.description());
            ExperimentContext context = new ExperimentContext(null, out.resolve(experiment.name()), seed,
                    ProgressListener.NONE, Map.of());
            Files.createDirectories(context.workDir());
            ExperimentResult result = experiment.run(context);
            System.out.println(result.summary());
            result.findings().forEach(f -> System.out.println("  - " + f));
            ObjectNode node = experiments.putObject(experiment.name());
            node.put("title", result.title());
            node.put("summary", result.summary());
            node.set("numbers", ModelFiles.JSON.valueToTree(result.numbers()));
            ArrayNode findings = node.putArray("findings");
            result.findings().forEach(findings::add);
            node.put("seconds", (System.nanoTime() - started) / 1e9);
        }
        Path json = out.resolve("results.json");
        Files.writeString(json, ModelFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.printf(Locale.ROOT, "%nEvery number above is in %s%n", json.toAbsolutePath());
        return 0;
    }

    private ObjectNode iris() throws Exception {
        Dataset d = Plugins.find(DatasetProvider.class, "iris").load(null);
        GaussianMixtureModel m = GaussianMixture.builder().components(3).covarianceType("full").nInit(10).seed(seed)
                .build().fit(d.data());
        int[] labels = m.predict(d.data());
        var bestMap = ClusteringMetrics.bestMapAccuracy(d.labels(), labels);
        long matched = Math.round(bestMap.accuracy() * d.data().rows());
        System.out.printf(Locale.ROOT, "== iris: %d flowers, %d features; 3 full-covariance components, 10 starts%n",
                d.data().rows(), d.data().cols());
        System.out.printf(Locale.ROOT, "  %d iterations, converged=%s, kernel %s%n", m.report().iterations(),
                m.report().converged(), m.report().kernel());
        System.out.printf(Locale.ROOT, "  mean log-likelihood %.6f, BIC %.3f, AIC %.3f%n", m.score(d.data()),
                m.bic(d.data()), m.aic(d.data()));
        System.out.printf(Locale.ROOT, "  %d of %d flowers in their species' cluster (the study: 145/150)%n", matched,
                d.data().rows());
        ObjectNode node = ModelFiles.JSON.createObjectNode();
        node.put("n_samples", d.data().rows());
        node.put("mean_log_likelihood", m.score(d.data()));
        node.put("bic", m.bic(d.data()));
        node.put("aic", m.aic(d.data()));
        node.put("best_map_accuracy", bestMap.accuracy());
        node.put("matched", matched);
        return node;
    }
}
