package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The model scores rows as the core model does (prediction, probability, log-density); it saves gmm's
 * own model JSON, which plain gmm reads; estimator and model work as Pipeline stages, saved and loaded.
 */
class SparkModelTest {
    private static final DataMatrix IRIS = Fixtures.csv("iris.csv");
    private static final String[] COLS = SharedSpark.columnNames(4);

    @Test
    void transform_appends_the_core_models_prediction_probability_and_log_density() {
        GaussianMixtureModel core = GaussianMixture.builder().components(3).covarianceType("diag").seed(1).build()
                .fit(IRIS);
        List<Row> scored = SparkGaussianMixtureModel.of(core).transform(SharedSpark.vectors(IRIS, 3))
                .select("prediction", "probability", "logDensity").collectAsList();
        int[] labels = core.predict(IRIS);
        double[][] proba = core.predictProba(IRIS);
        double[] density = core.scoreSamples(IRIS);
        for (int i = 0; i < IRIS.rows(); i++) {
            Row r = scored.get(i);
            assertThat(r.getInt(0)).as("prediction %d", i).isEqualTo(labels[i]);
            assertThat(((Vector) r.get(1)).toArray()).as("probability %d", i).isEqualTo(proba[i]);
            assertThat(r.getDouble(2)).as("logDensity %d", i).isEqualTo(density[i]);
        }
    }

    @Test
    void an_output_column_set_to_empty_is_left_out() {
        GaussianMixtureModel core = GaussianMixture.builder().components(2).seed(1).build().fit(IRIS);
        Dataset<Row> out = SparkGaussianMixtureModel.of(core).setProbabilityCol("").setLogDensityCol("")
                .transform(SharedSpark.vectors(IRIS, 1));
        assertThat(out.columns()).containsExactly("features", "prediction");
    }

    @Test
    void a_saved_model_loads_back_and_its_model_json_is_gmms_model_file(@TempDir Path dir) throws Exception {
        SparkGaussianMixtureModel fitted = new SparkGaussianMixture().setK(3).setSeed(2).setInputCols(COLS)
                .setLogDensityCol("ld").fit(SharedSpark.columns(IRIS, 2));
        String path = dir.resolve("model").toString();
        fitted.write().save(path);

        SparkGaussianMixtureModel loaded = SparkGaussianMixtureModel.load(path);
        assertThat(loaded.uid()).isEqualTo(fitted.uid());
        assertThat(loaded.getOrDefault(loaded.logDensityCol())).isEqualTo("ld");
        assertThat(loaded.getOrDefault(loaded.inputCols())).containsExactly(COLS);
        assertThat(loaded.gmm().means()).isDeepEqualTo(fitted.gmm().means());

        GaussianMixtureModel plain = ModelJson.read(dir.resolve("model").resolve("model.json"));
        assertThat(plain.covariances().values()).isEqualTo(fitted.gmm().covariances().values());
        assertThat(plain.report().iterations()).isEqualTo(fitted.gmm().report().iterations());
        assertThat(ModelJson.readSaved(dir.resolve("model").resolve("model.json")).featureNamesIn())
                .containsExactly(COLS);
    }

    @Test
    void the_estimator_saves_its_params() throws Exception {
        SparkGaussianMixture estimator = new SparkGaussianMixture().setK(5).setCovarianceType("tied").setNInit(4)
                .setInitMode("k-means++").setRegCovar(1e-4).setWeightCol("w");
        Path dir = java.nio.file.Files.createTempDirectory("gmm-estimator");
        estimator.write().overwrite().save(dir.toString());
        SparkGaussianMixture loaded = SparkGaussianMixture.load(dir.toString());
        assertThat(loaded.uid()).isEqualTo(estimator.uid());
        assertThat(loaded.getOrDefault(loaded.k())).isEqualTo(5);
        assertThat(loaded.getOrDefault(loaded.covarianceType())).isEqualTo("tied");
        assertThat(loaded.getOrDefault(loaded.nInit())).isEqualTo(4);
        assertThat(loaded.getOrDefault(loaded.initMode())).isEqualTo("k-means++");
        assertThat(loaded.getOrDefault(loaded.regCovar())).isEqualTo(1e-4);
        assertThat(loaded.getOrDefault(loaded.weightCol())).isEqualTo("w");
        assertThat(loaded.isSet(loaded.seed())).as("seed stays at its default").isFalse();
    }

    @Test
    void it_is_a_pipeline_stage_that_saves_and_loads_with_the_pipeline(@TempDir Path dir) throws Exception {
        Dataset<Row> plain = SharedSpark.columns(IRIS, 2);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(COLS).setOutputCol("features"),
                new SparkGaussianMixture().setK(3).setSeed(4)});
        PipelineModel fitted = pipeline.fit(plain);
        fitted.write().save(dir.resolve("pipeline").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("pipeline").toString());

        List<Row> a = fitted.transform(plain).select("prediction", "logDensity").collectAsList();
        List<Row> b = loaded.transform(plain).select("prediction", "logDensity").collectAsList();
        assertThat(b).isEqualTo(a);
        GaussianMixtureModel direct = new SparkGaussianMixture().setK(3).setSeed(4).setInputCols(COLS).fit(plain).gmm();
        assertThat(((SparkGaussianMixtureModel) loaded.stages()[1]).gmm().means()).isDeepEqualTo(direct.means());
    }
}
