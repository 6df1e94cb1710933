package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code gmm evaluate} and {@code gmm select} through the real command line. */
class EvaluateAndSelectProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode metricsCase(String name) throws Exception {
        try (InputStream in = EvaluateAndSelectProcessTest.class.getResourceAsStream("/fixtures/metrics.json")) {
            for (JsonNode c : JSON.readTree(in).get("cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no case " + name);
    }

    private void writeColumn(String file, JsonNode values) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : values) {
            sb.append(v.asText()).append('\n');
        }
        Files.writeString(dir.resolve(file), sb);
    }

    private void writeMatrix(String file, JsonNode rows) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode row : rows) {
            for (int j = 0; j < row.size(); j++) {
                sb.append(j == 0 ? "" : ",").append(row.get(j).asText());
            }
            sb.append('\n');
        }
        Files.writeString(dir.resolve(file), sb);
    }

    @Test
    void evaluatePrintsEveryClusteringMetricOfTheFixture() throws Exception {
        JsonNode c = metricsCase("iris_gmm3");
        writeMatrix("x.csv", c.get("X"));
        writeColumn("pred.csv", c.get("labels_pred"));
        writeColumn("true.csv", c.get("labels_true"));
        GmmProcess.Result r = GmmProcess.run(dir, "evaluate", "--data", "x.csv", "--labels-pred", "pred.csv",
                "--labels-true", "true.csv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = JSON.readTree(r.stdout());
        Map<String, String> keys = Map.ofEntries(
                Map.entry("silhouette_score", "silhouette_euclidean"),
                Map.entry("calinski_harabasz_score", "calinski_harabasz"),
                Map.entry("davies_bouldin_score", "davies_bouldin"),
                Map.entry("adjusted_rand_score", "adjusted_rand"),
                Map.entry("normalized_mutual_info_score", "normalized_mutual_info"),
                Map.entry("adjusted_mutual_info_score", "adjusted_mutual_info"),
                Map.entry("homogeneity_score", "homogeneity"),
                Map.entry("completeness_score", "completeness"),
                Map.entry("v_measure_score", "v_measure"),
                Map.entry("fowlkes_mallows_score", "fowlkes_mallows"),
                Map.entry("best_map_accuracy", "best_map_accuracy"));
        keys.forEach((ours, fixture) -> {
            assertThat(out.has(ours)).as(ours + " in " + out).isTrue();
            double expected = c.get(fixture).asDouble();
            assertThat(out.get(ours).asDouble()).as(ours).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        });
    }

    @Test
    void evaluatePrintsTheAnomalyMetricsOfTheFixture() throws Exception {
        JsonNode c = metricsCase("blobs300_anomalies");
        writeColumn("scores.csv", c.get("anomaly_scores"));
        writeColumn("truth.csv", c.get("anomaly_truth"));
        GmmProcess.Result r = GmmProcess.run(dir, "evaluate", "--scores", "scores.csv", "--truth", "truth.csv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = JSON.readTree(r.stdout());
        assertThat(out.get("roc_auc_score").asDouble()).isCloseTo(c.get("roc_auc").asDouble(), within(1e-12));
        assertThat(out.get("average_precision_score").asDouble()).isCloseTo(c.get("average_precision").asDouble(), within(1e-12));
    }

    @Test
    void evaluateWithoutLabelsOrScoresIsAUserError() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "evaluate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines().reduce((a, b) -> b).orElse("")).contains("nothing to evaluate");
    }

    @Test
    void selectRanksByBicAndFindsTheThreeBlobs() throws Exception {
        JsonNode c = metricsCase("blobs300");
        writeMatrix("x.csv", c.get("X"));
        GmmProcess.Result r = GmmProcess.run(dir, "select", "--data", "x.csv", "--components", "1..5",
                "--covariance", "full,diag", "--out", "sel");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode sel = JSON.readTree(dir.resolve("sel/selection.json").toFile());
        assertThat(sel.get("ranked")).hasSize(10);
        assertThat(sel.get("ranked").get(0).get("n_components").asInt()).isEqualTo(3);
        double previous = Double.NEGATIVE_INFINITY;
        for (JsonNode row : sel.get("ranked")) {
            assertThat(row.get("bic").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = row.get("bic").asDouble();
        }
        assertThat(Files.exists(dir.resolve("sel/best-model.json"))).isTrue();
        for (String plot : List.of("bic.png", "aic.png")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(dir.resolve("sel").resolve(plot).toFile());
            assertThat(image).as(plot).isNotNull();
            assertThat(image.getWidth()).isPositive();
        }
    }
}
