package dev.gmm.spark.internal;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/**
 * The column params the estimator and the model share (Spark's names: featuresCol, inputCols, weightCol,
 * predictionCol, probabilityCol, plus logDensityCol), created once per stage with the stage as parent.
 */
public final class ColumnParams {
    public final Param<String> featuresCol;
    public final StringArrayParam inputCols;
    public final Param<String> weightCol;
    public final Param<String> predictionCol;
    public final Param<String> probabilityCol;
    public final Param<String> logDensityCol;

    public ColumnParams(Params stage) {
        featuresCol = new Param<>(stage, "featuresCol", "the features: a Vector or array<double> column");
        inputCols = new StringArrayParam(stage, "inputCols",
                "plain numeric feature columns, read instead of featuresCol when set");
        weightCol = new Param<>(stage, "weightCol", "a numeric column of sample weights (none when empty)");
        predictionCol = new Param<>(stage, "predictionCol", "the most probable component (left out when empty)");
        probabilityCol = new Param<>(stage, "probabilityCol",
                "the components' posterior probabilities, a Vector (left out when empty)");
        logDensityCol = new Param<>(stage, "logDensityCol",
                "the log-density of each row under the mixture, scikit-learn's score_samples (left out when empty)");
        stage.setDefault(featuresCol, "features");
        stage.setDefault(inputCols, new String[0]);
        stage.setDefault(weightCol, "");
        stage.setDefault(predictionCol, "prediction");
        stage.setDefault(probabilityCol, "probability");
        stage.setDefault(logDensityCol, "logDensity");
    }

    /** Where the features are, checked against the schema (no job runs). */
    public FeatureColumns features(Params stage, StructType schema, boolean withWeight) {
        return FeatureColumns.of(schema, stage.getOrDefault(featuresCol), stage.getOrDefault(inputCols),
                withWeight ? stage.getOrDefault(weightCol) : null);
    }

    /** The input schema plus the model's output columns; refuses an output column that already exists. */
    public StructType outputSchema(Params stage, StructType schema) {
        features(stage, schema, false);
        StructType out = schema;
        out = add(out, stage.getOrDefault(predictionCol), "predictionCol",
                new StructField(stage.getOrDefault(predictionCol), DataTypes.IntegerType, false, emptyMetadata()));
        out = add(out, stage.getOrDefault(probabilityCol), "probabilityCol",
                new StructField(stage.getOrDefault(probabilityCol), SQLDataTypes.VectorType(), false, emptyMetadata()));
        out = add(out, stage.getOrDefault(logDensityCol), "logDensityCol",
                new StructField(stage.getOrDefault(logDensityCol), DataTypes.DoubleType, false, emptyMetadata()));
        return out;
    }

    private static StructType add(StructType schema, String name, String param, StructField field) {
        if (name.isEmpty()) {
            return schema;
        }
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param + ": the DataFrame already has a column '" + name
                    + "'; name the output differently (set" + Character.toUpperCase(param.charAt(0))
                    + param.substring(1) + ") or set it to \"\" to leave it out");
        }
        return schema.add(field);
    }

    private static org.apache.spark.sql.types.Metadata emptyMetadata() {
        return org.apache.spark.sql.types.Metadata.empty();
    }
}
