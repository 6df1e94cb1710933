package dev.gmm.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.datasets.io.StartParameters;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import dev.gmm.testsupport.SharedFixtures;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command line in this JVM (it reuses the tests' SparkSession): {@code fit --init-from start.json} on
 * three partitions writes the model {@code gmm fit} would (1e-10 parameters, 1e-12 lower bound, same
 * n_iter); predict and score give the core model's numbers; mistakes exit 2 with one gmm-spark line.
 */
class SparkMainTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void sharedSession() {
        SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = SparkMain.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Files.writeString(file, SharedFixtures.text("sklearn-em", name));
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris-full", "blobs5d-tied", "aniso2d-diag", "mix1d-spherical"})
    void fit_from_a_start_file_writes_the_model_gmm_fit_writes(String fixture) throws Exception {
        String json = SharedFixtures.text("sklearn-em", fixture + ".json");
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) dev.gmm.testsupport.Json.parse(json);
        Path start = dir.resolve(fixture + "-start.json");
        Files.writeString(start, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(f.get("start")));
        Path data = resource((String) f.get("dataset"));
        Path out = dir.resolve(fixture + "-spark.json");
        String type = (String) f.get("covariance_type");
        int k = ((Number) f.get("n_components")).intValue();

        Run r = run("fit", "--master", "local[2]", "--partitions", "3", "--data", data.toString(),
                "--components", Integer.toString(k), "--covariance", type, "--init-from", start.toString(),
                "--tol", "1e-10", "--max-iter", "1000", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();

        StartParameters s = ModelJson.readStart(start);
        DataMatrix x = DataMatrix.of(Files.readAllLines(data).stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new));
        GaussianMixtureModel expected = GaussianMixture.builder().components(k).covarianceType(type).tol(1e-10)
                .maxIter(1000).weightsInit(s.weights()).meansInit(s.means()).precisionsInit(s.precisions()).build()
                .fit(x);
        GaussianMixtureModel written = ModelJson.read(out);
        dev.gmm.spark.AgreementAccess.assertSameFit(written, expected, 1e-10, 1e-12);
        assertThat(r.out()).startsWith("fit: " + expected.report().iterations() + " iterations, converged=true");
    }

    @Test
    void predict_and_score_give_the_core_models_numbers() throws Exception {
        Path data = resource("iris.csv");
        DataMatrix x = DataMatrix.of(Files.readAllLines(data).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new));
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(5).build().fit(x);
        Path file = dir.resolve("iris-model.json");
        ModelJson.write(model, file);

        Run predicted = run("predict", "--model", file.toString(), "--data", data.toString(), "--partitions", "2");
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out().lines().mapToInt(Integer::parseInt).toArray()).isEqualTo(model.predict(x));

        Path labels = dir.resolve("labels.csv");
        Run toFile = run("predict", "--model", file.toString(), "--data", data.toString(), "--out", labels.toString());
        assertThat(toFile.code()).as(toFile.err()).isZero();
        assertThat(Files.readAllLines(labels).stream().mapToInt(Integer::parseInt).toArray()).isEqualTo(model.predict(x));
        Run proba = run("predict", "--proba", "--model", file.toString(), "--data", data.toString());
        assertThat(proba.out().lines().findFirst()).contains("component_0,component_1,component_2");
        assertThat(proba.out().lines().skip(1).findFirst().map(l -> l.split(",")).map(a -> Double.parseDouble(a[0])))
                .contains(model.predictProba(x)[0][0]);

        Run scored = run("score", "--model", file.toString(), "--data", data.toString());
        assertThat(scored.code()).as(scored.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(scored.out());
        assertThat(json.get("n_samples").asInt()).isEqualTo(150);
        assertThat(json.get("mean_log_likelihood").asDouble())
                .isCloseTo(model.score(x), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.get("bic").asDouble()).isCloseTo(model.bic(x), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("aic").asDouble()).isCloseTo(model.aic(x), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_parquet_folder_and_a_csv_file_with_a_header_give_the_same_model() throws Exception {
        Path data = resource("iris.csv");
        Path withHeader = dir.resolve("iris-header.csv");
        Files.writeString(withHeader, "sl,sw,pl,pw\n" + Files.readString(data));
        SparkSession spark = SparkSession.active();
        Path parquet = dir.resolve("iris-parquet");
        spark.read().option("header", "true").option("inferSchema", "true").csv(withHeader.toString())
                .coalesce(2).write().parquet(parquet.toString());

        Run fromCsv = run("fit", "--data", withHeader.toString(), "--components", "3", "--seed", "1", "--out",
                dir.resolve("from-csv.json").toString());
        Run fromParquet = run("fit", "--data", parquet.toString(), "--components", "3", "--seed", "1", "--out",
                dir.resolve("from-parquet.json").toString());
        assertThat(fromCsv.code()).as(fromCsv.err()).isZero();
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        var a = ModelJson.readSaved(dir.resolve("from-csv.json"));
        var b = ModelJson.readSaved(dir.resolve("from-parquet.json"));
        assertThat(a.featureNamesIn()).containsExactly("sl", "sw", "pl", "pw");
        assertThat(b.featureNamesIn()).containsExactly("sl", "sw", "pl", "pw");
        dev.gmm.spark.AgreementAccess.assertSameFit(b.model(), a.model(), 1e-10, 1e-12);
    }

    @Test
    void mistakes_exit_2_with_one_line_naming_the_problem() throws Exception {
        Run missing = run("fit", "--data", dir.resolve("nope.csv").toString(), "--components", "2", "--out",
                dir.resolve("m.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("gmm-spark: --data ").contains("nope.csv does not exist");

        Run noFolder = run("predict", "--model", dir.resolve("iris-model.json").toString(), "--data",
                dir.resolve("iris.csv").toString(), "--out", dir.resolve("missing/labels.csv").toString());
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).startsWith("gmm-spark: --out ").contains("does not exist; create it first");

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,b\n1,2\n3,x\n5,6\n");
        Run nonNumeric = run("fit", "--data", text.toString(), "--components", "2", "--out",
                dir.resolve("m.json").toString());
        assertThat(nonNumeric.code()).isEqualTo(2);
        assertThat(nonNumeric.err().lines().filter(l -> l.startsWith("gmm-spark: ")))
                .containsExactly("gmm-spark: row 1 (counting from 0): column 'b' is null (or not a number); drop or impute such rows before fitting (e.g. na.drop())");

        Run badOption = run("fit", "--data", text.toString(), "--components", "two", "--out", "m.json");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).startsWith("gmm-spark: Invalid value for option '--components'");
    }
}
