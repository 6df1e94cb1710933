package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.testsupport.SharedFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scikit-learn 1.2.1 EM fixture, run for run, through {@code gmm fit --init-from start.json
 * --tol T --max-iter N} then {@code gmm score} and {@code gmm predict} (in-process through
 * {@link Main#run}; the process-level tests launch real JVMs): parameters within 1e-6 relative,
 * log-likelihoods within 1e-8, n_iter, converged and every label exactly.
 */
class EveryFixtureThroughCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> runs() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode file : resource("INDEX.json")) {
            JsonNode f = resource(file.asText());
            for (int r = 0; r < f.get("runs").size(); r++) {
                out.add(Arguments.of(file.asText(), r));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void theCommandLineReproducesScikitLearn(String file, int runIndex) throws Exception {
        JsonNode f = resource(file);
        JsonNode run = f.get("runs").get(runIndex);
        Files.writeString(dir.resolve("x.csv"), SharedFixtures.text("sklearn-em", f.get("dataset").asText()));
        JSON.writeValue(dir.resolve("start.json").toFile(), f.get("start"));
        int fit = Main.run("fit", "--data", dir.resolve("x.csv").toString(),
                "--components", f.get("n_components").asText(), "--covariance", f.get("covariance_type").asText(),
                "--init-from", dir.resolve("start.json").toString(), "--tol", run.get("tol").asText(),
                "--max-iter", run.get("max_iter").asText(), "--reg-covar", f.get("reg_covar").asText(),
                "--out", dir.resolve("m.json").toString());
        assertThat(fit).isZero();
        JsonNode model = JSON.readTree(dir.resolve("m.json").toFile());
        assertThat(model.get("n_iter").asInt()).isEqualTo(run.get("n_iter").asInt());
        assertThat(model.get("converged").asBoolean()).isEqualTo(run.get("converged").asBoolean());
        assertClose(model.get("weights"), run.get("weights"), 1e-6, "weights");
        assertClose(model.get("means"), run.get("means"), 1e-6, "means");
        assertClose(model.get("covariances"), run.get("covariances"), 1e-6, "covariances");
        assertClose(model.get("precisions_cholesky"), run.get("precisions_cholesky"), 1e-6, "precisions_cholesky");
        assertClose(model.get("lower_bound"), run.get("lower_bound"), 1e-8, "lower_bound");

        assertThat(Main.run("score", "--model", dir.resolve("m.json").toString(), "--data", dir.resolve("x.csv").toString(),
                "--out", dir.resolve("score.json").toString())).isZero();
        JsonNode score = JSON.readTree(dir.resolve("score.json").toFile());
        assertClose(score.get("mean_log_likelihood"), run.get("score"), 1e-8, "score");
        assertClose(score.get("bic"), run.get("bic"), 1e-8, "bic");
        assertClose(score.get("aic"), run.get("aic"), 1e-8, "aic");

        assertThat(Main.run("predict", "--model", dir.resolve("m.json").toString(), "--data", dir.resolve("x.csv").toString(),
                "--out", dir.resolve("labels.csv").toString())).isZero();
        List<Integer> labels = Files.readAllLines(dir.resolve("labels.csv")).stream().filter(l -> !l.isBlank())
                .map(l -> Integer.parseInt(l.trim())).toList();
        List<Integer> expected = new ArrayList<>();
        run.get("predict").forEach(v -> expected.add(v.asInt()));
        assertThat(labels).containsExactlyElementsOf(expected);
    }

    private static JsonNode resource(String name) throws Exception {
        return JSON.readTree(SharedFixtures.text("sklearn-em", name));
    }

    private static void assertClose(JsonNode actual, JsonNode expected, double rel, String what) {
        if (expected.isArray()) {
            assertThat(actual.size()).as(what).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertClose(actual.get(i), expected.get(i), rel, what + "[" + i + "]");
            }
            return;
        }
        double a = actual.asDouble();
        double e = expected.asDouble();
        assertThat(Math.abs(a - e)).as("%s: %s vs sklearn's %s", what, a, e)
                .isLessThanOrEqualTo(Math.max(rel * Math.abs(e), 1e-9));
    }
}
