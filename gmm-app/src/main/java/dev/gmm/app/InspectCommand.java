package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code gmm inspect --dataset NAME}: what a data set holds, as JSON with sklearn-style snake_case
 * keys (Decision 7): n_samples, n_features, feature_names, label_names, label_counts, and each
 * feature's mean, std (population), min and max. Data sets come from the DatasetProvider SPI.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Describe a data set (JSON): samples, features, feature names, label counts, feature ranges.")
final class InspectCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "A data set (see 'gmm plugins').")
    String dataset;
    @Option(names = "--path", paramLabel = "P", description = "Where the data set lives (needed for real data sets not shipped with gmm).")
    Path path;

    @Override
    public Integer call() throws Exception {
        DatasetProvider provider = Plugins.find(DatasetProvider.class, dataset);
        if (provider.requiresPath() && path == null) {
            throw new IllegalArgumentException("data set '" + dataset + "' is not shipped with gmm: give its location "
                    + "with --path");
        }
        if (path != null && !Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "--path names nothing");
        }
        Dataset d = provider.load(path);
        String text = ModelFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(describe(d, path))
                + System.lineSeparator();
        Output.write(null, text);
        return 0;
    }

    static ObjectNode describe(Dataset d, Path path) {
        DataMatrix x = d.data();
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("dataset", d.name());
        json.put("path", path == null ? null : path.toString());
        json.put("n_samples", x.rows());
        json.put("n_features", x.cols());
        json.put("dtype", x.isFloat32() ? "float32" : "float64");
        ArrayNode names = json.putArray("feature_names");
        d.featureNames().forEach(names::add);
        if (d.labels() != null) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (int label : d.labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            json.put("n_classes", counts.size());
            ArrayNode labelNames = json.putArray("label_names");
            d.labelNames().forEach(labelNames::add);
            ObjectNode labelCounts = json.putObject("label_counts");
            counts.forEach((label, n) -> labelCounts.put(label >= 0 && label < d.labelNames().size()
                    ? d.labelNames().get(label) : Integer.toString(label), n));
        } else {
            json.putNull("label_counts");
        }
        ArrayNode features = json.putArray("features");
        for (int j = 0; j < x.cols(); j++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.rows(); i++) {
                double v = x.get(i, j);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / x.rows();
            double squares = 0;
            for (int i = 0; i < x.rows(); i++) {
                double dev = x.get(i, j) - mean;
                squares += dev * dev;
            }
            features.addObject().put("name", d.featureNames().get(j)).put("mean", mean)
                    .put("std", Math.sqrt(squares / x.rows())).put("min", min).put("max", max);
        }
        return json;
    }
}
