package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.LabelFiles;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmm evaluate}: every applicable metric provider, as JSON keyed by sklearn's names. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Every applicable metric (internal, external, anomaly) as JSON with scikit-learn's names.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Numeric CSV of the samples (for internal metrics).")
    Path data;
    @Mixin
    CsvReading csv = new CsvReading();
    @Option(names = "--labels-pred", description = "Predicted cluster labels, one per line (any values: 0, 2, "
            + "setosa; no header).")
    Path labelsPred;
    @Option(names = "--labels-true", description = "True class labels, one per line (any values: 0, 2, setosa; "
            + "no header).")
    Path labelsTrue;
    @Option(names = "--scores", description = "Anomaly scores (higher = more anomalous), one per line.")
    Path scores;
    @Option(names = "--truth", description = "Anomaly truth, 1 for an anomaly and 0 otherwise, one per line.")
    Path truth;
    @Option(names = "--out", description = "Output JSON (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (labelsPred == null && scores == null) {
            throw new IllegalArgumentException("nothing to evaluate: pass --labels-pred (clustering) or --scores with --truth (anomalies)");
        }
        if ((scores == null) != (truth == null)) {
            throw new IllegalArgumentException("--scores and --truth go together: pass both for anomaly metrics");
        }
        FileChecks.requireOutputFile(out, "--out", data, labelsPred, labelsTrue, scores, truth);
        MetricInput input = new MetricInput(
                data == null ? null : csv.read(data, false),
                LabelFiles.read(labelsPred, "--labels-pred"), LabelFiles.read(labelsTrue, "--labels-true"),
                scores == null ? null : CsvFiles.readColumn(scores, "--scores"), ints(truth, "--truth"));
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        for (ClusterMetric metric : Plugins.all(ClusterMetric.class)) {
            if (metric.appliesTo(input)) {
                json.put(metric.name(), metric.compute(input));
            }
        }
        Output.write(out, ModelFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + System.lineSeparator());
        return 0;
    }

    private static int[] ints(Path file, String flag) throws IOException {
        if (file == null) {
            return null;
        }
        double[] v = CsvFiles.readColumn(file, flag);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + v[i] + " is not an integer label");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
