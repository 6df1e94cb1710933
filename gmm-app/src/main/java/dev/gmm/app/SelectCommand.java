package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.report.PlotWarmup;
import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.SelectionChart;
import dev.gmm.app.internal.report.PlotFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.datasets.io.AtomicFiles;
import dev.gmm.datasets.io.SavedModel;
import dev.gmm.app.internal.MclustBicChart;
import dev.gmm.metrics.ModelSelection;
import dev.gmm.parsimonious.MclustModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmm select}: fits a grid of components × covariance types and ranks it by BIC or AIC. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Fit a grid of components x covariance types and rank it by BIC or AIC (JSON).")
final class SelectCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Numeric CSV, one sample per line (header optional).")
    Path data;
    @Mixin
    CsvReading csv = new CsvReading();
    @Option(names = "--components", defaultValue = "1..10", description = "A range like 1..10 or a list like 2,3,5.")
    String components;
    @Option(names = "--covariance", defaultValue = "all", description = "Comma-separated covariance types, all, or parsimonious (mclust's 14 models; adds mclust-bic.png).")
    String covariance;
    @Option(names = "--criterion", defaultValue = "bic", description = "bic, aic, icl, or a metric name.")
    String criterion;
    @Option(names = "--init", defaultValue = "kmeans", split = ",", paramLabel = "METHOD",
            description = "Start methods to try, comma-separated: kmeans, k-means++, random, random_from_data "
                    + "(default ${DEFAULT-VALUE}).")
    String[] init;
    @Option(names = "--n-init", defaultValue = "1", split = ",", paramLabel = "N",
            description = "Starts per fit, the best kept; a comma-separated list tries each (default ${DEFAULT-VALUE}).")
    int[] nInit;
    @Option(names = "--reg-covar", defaultValue = "1e-6", split = ",", paramLabel = "R",
            description = "Added to covariance diagonals; a comma-separated list tries each (default ${DEFAULT-VALUE}).")
    double[] regCovar;
    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--out", description = "Directory for selection.json, best-model.json and the bic.png / aic.png plots (default: JSON on stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            FileChecks.requireOutputFolder(out, "--out");
        }
        int[] ks = parseComponents(components);
        CsvReading.Training training = csv.readForFit(data, false);
        DataMatrix x = training.data();
        requireFittable(ks, x.rows());
        if (out != null) {
            PlotWarmup.start(); // the plots come after the fits: load their classes on the other core meanwhile
        }
        boolean parsimonious = covariance.equalsIgnoreCase("parsimonious");
        String[] types = covariance.equals("all") ? Plugins.names(CovarianceModel.class).toArray(String[]::new)
                : parsimonious ? MclustModel.names().toArray(String[]::new) : covariance.split(",");
        ModelSelection.Result result = ModelSelection.builder()
                .components(ks)
                .covarianceTypes(types)
                .initMethods(init)
                .nInits(nInit)
                .regCovars(regCovar)
                .criterion(criterion)
                .seed(seed)
                .build()
                .select(x, null, ConsoleProgress.forConsole());
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("criterion", result.criterion());
        json.put("n_samples", x.rows());
        ArrayNode ranked = json.putArray("ranked");
        for (ModelSelection.Candidate c : result.ranked()) {
            ObjectNode row = ranked.addObject();
            row.put("n_components", c.components());
            row.put("covariance_type", c.covarianceType());
            row.put("init_params", c.initMethod());
            row.put("reg_covar", c.regCovar());
            row.put("n_init", c.nInit());
            row.put("bic", c.bic());
            row.put("aic", c.aic());
            row.put("lower_bound", c.lowerBound());
            row.put("converged", c.converged());
        }
        ModelSelection.Candidate best = result.bestCandidate();
        System.err.printf("best: %d components, %s covariance (%s %.6g)%n", best.components(), best.covarianceType(),
                result.criterion(), best.metric());
        String text = ModelFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + System.lineSeparator();
        if (out == null) {
            Output.write(null, text);
        } else {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("selection.json"), text);
            ModelFiles.write(new SavedModel(result.best(), training.featureNames()), out.resolve("best-model.json"));
            for (String plotted : new String[] {"bic", "aic"}) {
                PlotFiles.writePng(SelectionChart.of(result, plotted), out.resolve(plotted + ".png"));
            }
            if (parsimonious) {
                PlotFiles.writePng(MclustBicChart.of(result, x.rows()), out.resolve("mclust-bic.png"));
            }
        }
        return 0;
    }

    /**
     * Refuses, before any fit, a grid whose largest K the data cannot fit: a mixture needs at least one
     * row per component (scikit-learn's n_samples >= n_components), and a grid that reaches past that
     * would otherwise fail only after fitting every smaller K.
     */
    static void requireFittable(int[] ks, int rows) {
        int largest = java.util.Arrays.stream(ks).max().orElseThrow();
        if (largest > rows) {
            throw new IllegalArgumentException("--components asks for up to " + largest + " components but the data "
                    + "have " + rows + " rows, and a mixture needs at least one row per component: the largest K "
                    + "these data allow is " + rows + " (e.g. --components 1.." + Math.min(rows, 10) + ")");
        }
    }

    /** "1..10" or "2,3,5". */
    static int[] parseComponents(String spec) {
        try {
            if (spec.contains("..")) {
                String[] ends = spec.split("\\.\\.");
                int from = Integer.parseInt(ends[0].trim());
                int to = Integer.parseInt(ends[1].trim());
                if (from < 1 || to < from) {
                    throw new IllegalArgumentException("--components " + spec + ": use a range like 1..10 with 1 <= from <= to");
                }
                return java.util.stream.IntStream.rangeClosed(from, to).toArray();
            }
            return java.util.Arrays.stream(spec.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--components " + spec + " is not a range like 1..10 or a list like 2,3,5");
        }
    }
}
