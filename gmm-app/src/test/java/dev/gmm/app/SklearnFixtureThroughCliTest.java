package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sklearn-em Iris fixture (scikit-learn 1.2.1, full covariance) run through the real CLI from
 * its own start, with the run's tol and max_iter (Decision 10): the model agrees with sklearn's.
 */
class SklearnFixtureThroughCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tenFixedIterationsFromTheFixtureStartMatchScikitLearn() throws Exception {
        JsonNode fixture = JSON.readTree(SharedFixtures.text("sklearn-em", "iris-full.json"));
        Files.writeString(dir.resolve("iris.csv"), SharedFixtures.text("sklearn-em", "iris.csv"));
        JSON.writeValue(dir.resolve("start.json").toFile(), fixture.get("start"));
        JsonNode run = null;
        for (JsonNode r : fixture.get("runs")) {
            if (r.get("max_iter").asInt() == 10) {
                run = r;
            }
        }
        assertThat(run).as("the fixture's max_iter 10 run").isNotNull();

        GmmProcess.Result fit = GmmProcess.run(dir, "fit", "--data", "iris.csv", "--components", "3",
                "--covariance", "full", "--init-from", "start.json", "--tol", run.get("tol").asText(),
                "--max-iter", "10", "--reg-covar", "1e-6", "--out", "m.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        JsonNode model = JSON.readTree(dir.resolve("m.json").toFile());

        assertThat(model.get("n_iter").asInt()).isEqualTo(run.get("n_iter").asInt());
        assertThat(model.get("converged").asBoolean()).isEqualTo(run.get("converged").asBoolean());
        assertClose(model.get("weights"), run.get("weights"), 1e-6);
        assertClose(model.get("means"), run.get("means"), 1e-6);
        assertClose(model.get("lower_bound"), run.get("lower_bound"), 1e-8);

        GmmProcess.Result score = GmmProcess.run(dir, "score", "--model", "m.json", "--data", "iris.csv");
        assertThat(score.exitCode()).as(score.stderr()).isZero();
        JsonNode s = JSON.readTree(score.stdout());
        assertClose(s.get("mean_log_likelihood"), run.get("score"), 1e-8);
        assertClose(s.get("bic"), run.get("bic"), 1e-8);
        assertClose(s.get("aic"), run.get("aic"), 1e-8);
    }

    /** Every number within {@code rel} relative (1e-9 absolute near zero). */
    private static void assertClose(JsonNode actual, JsonNode expected, double rel) {
        if (expected.isArray()) {
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertClose(actual.get(i), expected.get(i), rel);
            }
            return;
        }
        double a = actual.asDouble();
        double e = expected.asDouble();
        assertThat(Math.abs(a - e)).as("%s vs sklearn's %s", a, e).isLessThanOrEqualTo(Math.max(rel * Math.abs(e), 1e-9));
    }
}
