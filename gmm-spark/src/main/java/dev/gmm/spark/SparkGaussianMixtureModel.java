package dev.gmm.spark;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.datasets.io.SavedModel;
import dev.gmm.spark.internal.ColumnParams;
import dev.gmm.spark.internal.FeatureColumns;
import dev.gmm.spark.internal.ModelParts;
import dev.gmm.spark.internal.ParamsFiles;
import dev.gmm.spark.internal.RowScoring;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * A fitted Gaussian mixture as a Spark ML {@code Model}: {@link #transform} appends the most probable
 * component ({@code predictionCol}), the posterior probabilities ({@code probabilityCol}, a Vector) and
 * the log-density under the mixture ({@code logDensityCol}, scikit-learn's score_samples) to each row.
 * It holds a plain {@link GaussianMixtureModel} ({@link #gmm()}); {@link #of} wraps any gmm model —
 * fitted on one machine or read from a model file — for scoring on Spark.
 *
 * <p>Saved with {@code write().save(path)} as Spark metadata plus {@code path/model.json}, gmm's model
 * file, which {@code gmm predict --model path/model.json} reads.
 *
 * @serial exclude
 */
public final class SparkGaussianMixtureModel extends Model<SparkGaussianMixtureModel> implements MLWritable {
    private final String uid;
    private final GaussianMixtureModel gmm;
    private final List<String> featureNames;
    private final ColumnParams columns;

    SparkGaussianMixtureModel(String uid, GaussianMixtureModel gmm, List<String> featureNames) {
        this.uid = uid;
        this.gmm = gmm;
        this.featureNames = featureNames;
        this.columns = new ColumnParams(this);
    }

    /** A gmm model as a Spark model, reading {@code featuresCol} (set inputCols to read plain columns). */
    public static SparkGaussianMixtureModel of(GaussianMixtureModel gmm) {
        return new SparkGaussianMixtureModel(Identifiable.randomUID("gmm"), gmm, null);
    }

    /** A model file written by {@code gmm fit} (or by this class) as a Spark model; its feature names become inputCols. */
    public static SparkGaussianMixtureModel fromJson(String modelJson) {
        SavedModel saved = ModelJson.savedFromJson(modelJson);
        SparkGaussianMixtureModel m = new SparkGaussianMixtureModel(Identifiable.randomUID("gmm"), saved.model(),
                saved.hasFeatureNames() ? saved.featureNamesIn() : null);
        if (saved.hasFeatureNames()) {
            m.setInputCols(saved.featureNamesIn().toArray(String[]::new));
        }
        return m;
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The fitted mixture: parameters, fit report, and every single-machine method. */
    public GaussianMixtureModel gmm() {
        return gmm;
    }

    /** The model as gmm's model file holds it: the mixture, with the input columns' names when known. */
    public SavedModel saved() {
        return featureNames == null ? SavedModel.withoutNames(gmm) : new SavedModel(gmm, featureNames);
    }

    /** gmm's model JSON (the file {@code gmm fit} writes). */
    public String toJson() {
        return ModelJson.toJson(saved());
    }

    /** The {@code featuresCol} param: the features, a Vector or array&lt;double&gt; column; default "features". */
    public Param<String> featuresCol() { return columns.featuresCol; }
    /** The {@code inputCols} param: plain numeric feature columns, read instead of featuresCol when set. */
    public StringArrayParam inputCols() { return columns.inputCols; }
    /** The {@code weightCol} param: a numeric column of sample weights; none when empty (the default). */
    public Param<String> weightCol() { return columns.weightCol; }
    /** The {@code predictionCol} param: the output column of the most probable component; default "prediction", left out when empty. */
    public Param<String> predictionCol() { return columns.predictionCol; }
    /** The {@code probabilityCol} param: the output column of the posterior probabilities; default "probability", left out when empty. */
    public Param<String> probabilityCol() { return columns.probabilityCol; }
    /** The {@code logDensityCol} param: the output column of each row's log-density (score_samples); default "logDensity", left out when empty. */
    public Param<String> logDensityCol() { return columns.logDensityCol; }

    /** Sets {@link #featuresCol()}. */
    public SparkGaussianMixtureModel setFeaturesCol(String value) { set(columns.featuresCol, value); return this; }
    /** Sets {@link #inputCols()}. */
    public SparkGaussianMixtureModel setInputCols(String[] value) { set(columns.inputCols, value); return this; }
    /** Sets {@link #predictionCol()}. */
    public SparkGaussianMixtureModel setPredictionCol(String value) { set(columns.predictionCol, value); return this; }
    /** Sets {@link #probabilityCol()}. */
    public SparkGaussianMixtureModel setProbabilityCol(String value) { set(columns.probabilityCol, value); return this; }
    /** Sets {@link #logDensityCol()}. */
    public SparkGaussianMixtureModel setLogDensityCol(String value) { set(columns.logDensityCol, value); return this; }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        FeatureColumns features = columns.features(this, dataset.schema(), false);
        RowScoring scoring = new RowScoring(ModelParts.of(gmm), features,
                !getOrDefault(columns.predictionCol).isEmpty(), !getOrDefault(columns.probabilityCol).isEmpty(),
                !getOrDefault(columns.logDensityCol).isEmpty());
        return dataset.toDF().mapPartitions((MapPartitionsFunction<Row, Row>) scoring::score, Encoders.row(out));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return columns.outputSchema(this, schema);
    }

    @Override
    public SparkGaussianMixtureModel copy(ParamMap extra) {
        SparkGaussianMixtureModel copy = copyValues(new SparkGaussianMixtureModel(uid, gmm, featureNames), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return ParamsFiles.writer(this, toJson());
    }

    /** Spark's reader of a fitted model saved with {@code write().save(path)}. */
    public static MLReader<SparkGaussianMixtureModel> read() {
        return ParamsFiles.reader((uid, modelJson) -> {
            if (modelJson == null) {
                throw new IllegalArgumentException("no " + ParamsFiles.MODEL_FILE + " beside the metadata: "
                        + "this path holds a SparkGaussianMixture estimator, not a fitted model");
            }
            SavedModel saved = ModelJson.savedFromJson(modelJson);
            return new SparkGaussianMixtureModel(uid, saved.model(),
                    saved.hasFeatureNames() ? saved.featureNamesIn() : null);
        });
    }

    /** Reads a fitted model saved at {@code path} ({@code read().load(path)}). */
    public static SparkGaussianMixtureModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SparkGaussianMixtureModel[" + uid + ", " + gmm + "]";
    }
}
