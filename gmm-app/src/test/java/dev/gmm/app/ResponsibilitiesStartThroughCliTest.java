package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.testsupport.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gmm fit --init-from z0.json} with {@code {"responsibilities": [[...]]}} runs mclust's
 * {@code me(X, model, z0)}: for the models scikit-learn also has, mclust's parameters after i
 * iterations are those of {@code --max-iter i−1}, its loglik after i is n × the lower bound of
 * {@code --max-iter i} (R mclust 6.0.0, gmm-test-support's fixtures/mclust).
 */
class ResponsibilitiesStartThroughCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SKLEARN_NAMES = Map.of("VVV", "full", "VVI", "diag", "EEE", "tied",
            "VII", "spherical");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-{1} run {2}")
    @CsvSource({"iris,VVV,1", "iris,VVI,2", "aniso2d,EEE,1", "blobs5d,VVV,2", "iris,VII,1"})
    void the_command_line_reproduces_mclust_from_z0(String set, String model, int runIndex) throws Exception {
        JsonNode f = JSON.readTree(SharedFixtures.text("mclust", set + "-" + model + ".json"));
        JsonNode run = f.get("runs").get(runIndex);
        int iterations = run.get("itmax").asInt();
        Files.writeString(dir.resolve("x.csv"), SharedFixtures.text("mclust", f.get("dataset").asText()));
        double[][] z0 = SharedFixtures.csv("mclust", f.get("z0").asText());
        JSON.writeValue(dir.resolve("z0.json").toFile(), Map.of("responsibilities", z0));

        JsonNode before = fit(SKLEARN_NAMES.get(model), z0[0].length, iterations - 1);
        assertClose(before.get("weights"), run.get("pro"), 1e-6, "pro");
        assertClose(before.get("means"), run.get("means"), 1e-6, "means");
        JsonNode after = fit(SKLEARN_NAMES.get(model), z0[0].length, iterations);
        double loglik = run.get("loglik").asDouble();
        assertThat(Math.abs(z0.length * after.get("lower_bound").asDouble() - loglik))
                .as("loglik").isLessThanOrEqualTo(1e-8 * Math.abs(loglik));
    }

    @Test
    void responsibilities_rows_that_do_not_sum_to_one_are_a_clear_error() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "a,b\n0,0\n1,1\n5,5\n6,6\n");
        Files.writeString(dir.resolve("z.json"), "{\"responsibilities\": [[1,0],[0.5,0.4],[0,1],[0,1]]}");
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.run("fit", "--data", dir.resolve("x.csv").toString(), "--components", "2",
                    "--init-from", dir.resolve("z.json").toString(), "--out", dir.resolve("m.json").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("row 1 sums to 0.9");
    }

    private JsonNode fit(String type, int k, int maxIter) throws Exception {
        Path out = dir.resolve("m" + maxIter + ".json");
        int code = Main.run("fit", "--data", dir.resolve("x.csv").toString(), "--components", String.valueOf(k),
                "--covariance", type, "--init-from", dir.resolve("z0.json").toString(), "--tol", "0",
                "--reg-covar", "0", "--max-iter", String.valueOf(maxIter), "--out", out.toString());
        assertThat(code).isZero();
        return JSON.readTree(out.toFile());
    }

    private static void assertClose(JsonNode actual, JsonNode expected, double relative, String what) {
        double[] a = flat(actual);
        double[] e = flat(expected);
        assertThat(a).as(what + " size").hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat(Math.abs(a[i] - e[i])).as("%s[%d]: expected %s but was %s", what, i, e[i], a[i])
                    .isLessThanOrEqualTo(Math.max(relative * Math.abs(e[i]), 1e-9));
        }
    }

    private static double[] flat(JsonNode node) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, java.util.List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else {
            out.add(node.asDouble());
        }
    }
}
