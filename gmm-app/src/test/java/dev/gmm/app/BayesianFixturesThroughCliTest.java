package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.testsupport.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scikit-learn 1.2.1 BayesianGaussianMixture fixture (gmm-test-support's fixtures/sklearn-bgmm)
 * through the command line: {@code gmm fit --method variational --init-from start.json --priors
 * priors.json --tol T --max-iter N} writes scikit-learn's attributes within 1e-6 relative (1e-9
 * absolute), lower_bound within 1e-8, n_iter and converged exactly; {@code gmm score}, {@code gmm
 * predict} and {@code gmm predict --proba} on that file give score within 1e-8, every label, and the
 * head of predict_proba within 1e-8.
 */
class BayesianFixturesThroughCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ATTRIBUTES = {"weights", "weight_concentration", "mean_precision", "means",
            "degrees_of_freedom", "covariances", "precisions_cholesky"};

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Object name : (List<?>) SharedFixtures.json("sklearn-bgmm", "INDEX.json")) {
            for (int run = 0; run < 4; run++) {
                out.add(Arguments.of(name, run));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void the_command_line_reproduces_scikit_learn(String name, int runIndex) throws Exception {
        JsonNode f = JSON.readTree(SharedFixtures.text("sklearn-bgmm", name));
        JsonNode run = f.get("runs").get(runIndex);
        Path data = dir.resolve("x.csv");
        Files.writeString(data, SharedFixtures.text("sklearn-bgmm", f.get("dataset").asText()));
        JSON.writeValue(dir.resolve("start.json").toFile(), f.get("start"));
        JSON.writeValue(dir.resolve("priors.json").toFile(), f.get("priors_resolved"));
        Path model = dir.resolve("model.json");
        assertThat(Main.run("fit", "--method", "variational", "--data", data.toString(),
                "--components", f.get("n_components").asText(), "--covariance", f.get("covariance_type").asText(),
                "--weight-concentration-prior-type", f.get("weight_concentration_prior_type").asText(),
                "--reg-covar", f.get("reg_covar").asText(), "--init-from", dir.resolve("start.json").toString(),
                "--priors", dir.resolve("priors.json").toString(), "--tol", run.get("tol").asText(),
                "--max-iter", run.get("max_iter").asText(), "--out", model.toString())).isZero();

        JsonNode m = JSON.readTree(model.toFile());
        String where = name + " max_iter " + run.get("max_iter").asInt();
        assertThat(m.get("method").asText()).isEqualTo("variational");
        for (String attribute : ATTRIBUTES) {
            assertClose(m.get(attribute), run.get(attribute), 1e-6, 1e-9, where + " " + attribute);
        }
        assertClose(m.get("lower_bound"), run.get("lower_bound"), 1e-8, 0, where + " lower_bound");
        assertThat(m.get("n_iter").asInt()).as(where + " n_iter").isEqualTo(run.get("n_iter").asInt());
        assertThat(m.get("converged").asBoolean()).as(where + " converged").isEqualTo(run.get("converged").asBoolean());

        Path score = dir.resolve("score.json");
        assertThat(Main.run("score", "--model", model.toString(), "--data", data.toString(), "--out", score.toString()))
                .isZero();
        assertClose(JSON.readTree(score.toFile()).get("mean_log_likelihood"), run.get("score"), 1e-8, 0, where + " score");

        Path labels = dir.resolve("labels.csv");
        assertThat(Main.run("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                labels.toString())).isZero();
        int[] predicted = Files.readAllLines(labels, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .mapToInt(Integer::parseInt).toArray();
        int[] expected = new int[run.get("predict").size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = run.get("predict").get(i).asInt();
        }
        assertThat(predicted).as(where + " predict").containsExactly(expected);

        Path proba = dir.resolve("proba.csv");
        assertThat(Main.run("predict", "--proba", "--model", model.toString(), "--data", data.toString(), "--out",
                proba.toString())).isZero();
        List<String> lines = Files.readAllLines(proba, StandardCharsets.UTF_8);
        JsonNode head = run.get("predict_proba_head");
        for (int r = 0; r < head.size(); r++) {
            double[] row = java.util.Arrays.stream(lines.get(r + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
            for (int k = 0; k < row.length; k++) {
                assertThat(Math.abs(row[k] - head.get(r).get(k).asDouble())).as("%s predict_proba[%d][%d]", where, r, k)
                        .isLessThanOrEqualTo(1e-8);
            }
        }
    }

    @Test
    void bad_priors_and_em_starts_are_one_line_errors() throws Exception {
        Path data = dir.resolve("x.csv");
        Files.writeString(data, SharedFixtures.text("sklearn-bgmm", "iris.csv"));
        assertError("{\"degrees_of_freedom_prior\": 3}", "should be greater than 3, but got 3.000");
        assertError("{\"weight_concentration_prior\": -1}", "'weight_concentration_prior' should be a finite number > 0");
        assertError("{\"mean_precision_prior\": 0}", "'mean_precision_prior' should be a finite number > 0");
        assertError("{\"covariance_prior\": [[1, 0], [0, 1]]}", "should have the shape of (4, 4)");
        assertError("{\"covariance_prior\": [[1,2,0,0],[2,1,0,0],[0,0,1,0],[0,0,0,1]]}",
                "should be symmetric, positive-definite");
        assertError("{\"mean_prior\": [1, 2]}", "mean_prior should have shape (4,)");
        assertError("{\"covariance\": 1}", "\"covariance\" is not a prior");
    }

    private void assertError(String priors, String message) throws Exception {
        Files.writeString(dir.resolve("p.json"), priors);
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("fit", "--method", "variational", "--data", dir.resolve("x.csv").toString(),
                    "--components", "3", "--priors", dir.resolve("p.json").toString(), "--out",
                    dir.resolve("m.json").toString());
        } finally {
            System.setErr(original);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(priors).isEqualTo(2);
        assertThat(text).as(priors).contains(message);
        assertThat(text.strip().lines().count()).as("one line for " + priors).isEqualTo(1);
    }

    private static void assertClose(JsonNode actual, JsonNode expected, double relative, double absolute, String what) {
        double[] a = flat(actual);
        double[] e = flat(expected);
        assertThat(a).as(what + " size").hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat(Math.abs(a[i] - e[i])).as("%s[%d]: expected %s but was %s", what, i, e[i], a[i])
                    .isLessThanOrEqualTo(Math.max(relative * Math.abs(e[i]), absolute));
        }
    }

    private static double[] flat(JsonNode node) {
        List<Double> out = new ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else {
            out.add(node.asDouble());
        }
    }
}
