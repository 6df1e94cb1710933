package dev.gmm.spark.internal.cli;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.spark.SparkGaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gmm-spark score}: gmm score's JSON (n_samples, mean_log_likelihood, bic, aic), computed on Spark. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score data under a model: JSON with n_samples, mean_log_likelihood, bic and aic.")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark = new SparkOptions();
    @Option(names = "--model", required = true, description = "A model JSON (gmm fit or gmm-spark fit).")
    Path modelFile;

    @Override
    public Integer call() throws Exception {
        SparkGaussianMixtureModel model = ModelInput.read(modelFile);
        Dataset<Row> data = InputData.read(spark.session(), spark.data, spark.partitions);
        ModelInput.useColumns(model, data, spark.columns);
        Scores s = Scores.of(model, data);
        GaussianMixtureModel m = model.gmm();
        System.out.println(String.format(Locale.ROOT,
                "{\"n_samples\":%d,\"mean_log_likelihood\":%s,\"bic\":%s,\"aic\":%s}",
                s.rows(), s.mean(), s.bic(m), s.aic(m)));
        return 0;
    }
}
