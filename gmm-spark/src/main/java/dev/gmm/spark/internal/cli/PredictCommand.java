package dev.gmm.spark.internal.cli;

import dev.gmm.spark.SparkGaussianMixtureModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * {@code gmm-spark predict}: labels (or responsibilities) as gmm predict writes them, one line per row in
 * the input's order; streamed to the driver a partition at a time, or written by Spark as a Parquet
 * folder when {@code --out} ends in {@code .parquet}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Label rows with a model: CSV of labels (or of responsibilities with --proba).")
final class PredictCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark = new SparkOptions();
    @Option(names = "--model", required = true, description = "A model JSON (gmm fit or gmm-spark fit).")
    Path modelFile;
    @Option(names = "--proba", description = "Write responsibilities (one column per component) instead of labels.")
    boolean proba;
    @Option(names = "--out", description = "Output CSV (default: stdout), or a folder NAME.parquet written by Spark.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            Outputs.requireFolder(out, "--out");
        }
        SparkGaussianMixtureModel model = ModelInput.read(modelFile);
        Dataset<Row> data = InputData.read(spark.session(), spark.data, spark.partitions);
        ModelInput.useColumns(model, data, spark.columns);
        model.setLogDensityCol("").setPredictionCol(proba ? "" : "prediction").setProbabilityCol(proba ? "probability" : "");
        Dataset<Row> scored = model.transform(data).select(proba ? "probability" : "prediction");
        if (out != null && out.toString().endsWith(".parquet")) {
            scored.write().parquet(out.toString());
            return 0;
        }
        int k = model.gmm().components();
        Path partial = out == null ? null : Files.createTempFile(out.toAbsolutePath().getParent(), ".predict-", ".tmp");
        try (Writer w = new BufferedWriter(out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
            if (proba) {
                StringJoiner header = new StringJoiner(",");
                for (int c = 0; c < k; c++) {
                    header.add("component_" + c);
                }
                w.write(header + "\n");
            }
            Iterator<Row> rows = scored.toLocalIterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                if (proba) {
                    StringJoiner line = new StringJoiner(",");
                    for (double p : ((Vector) r.get(0)).toArray()) {
                        line.add(Double.toString(p));
                    }
                    w.write(line + "\n");
                } else {
                    w.write(r.getInt(0) + "\n");
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            throw e;
        }
        if (partial != null) {
            Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }
}
