package dev.gmm.spark.internal.cli;

import dev.gmm.spark.SparkGaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A model file for predict and score, and which columns of the data it reads. */
final class ModelInput {
    private ModelInput() {
    }

    static SparkGaussianMixtureModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException("--model " + file + " is not a file: give the model JSON gmm fit or gmm-spark fit wrote");
        }
        try {
            return SparkGaussianMixtureModel.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + file + ": " + e.getMessage(), e);
        }
    }

    /** --columns, else the model's feature names when the data has them, else every column. */
    static void useColumns(SparkGaussianMixtureModel model, Dataset<Row> data, List<String> chosen) {
        if (chosen != null && !chosen.isEmpty()) {
            model.setInputCols(chosen.toArray(String[]::new));
        } else if (!model.isSet(model.inputCols())
                || !List.of(data.columns()).containsAll(List.of(model.getOrDefault(model.inputCols())))) {
            model.setInputCols(data.columns());
        }
    }
}
