package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.parsimonious.MclustModel;
import dev.gmm.testsupport.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gmm select --covariance parsimonious}: the 14 mclust models × K through the real command line. */
class ParsimoniousSelectProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void ranks_all_14_models_for_every_k_by_bic_with_mclust_s_parameter_counts_and_draws_mclust_s_bic_plot()
            throws Exception {
        double[][] iris = SharedFixtures.csv("mclust", "iris.csv");
        StringBuilder csv = new StringBuilder();
        for (double[] row : iris) {
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3]).append('\n');
        }
        Files.writeString(dir.resolve("iris.csv"), csv);

        GmmProcess.Result r = GmmProcess.run(dir, "select", "--data", "iris.csv", "--components", "1..3",
                "--covariance", "parsimonious", "--out", "out");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode ranked = JSON.readTree(dir.resolve("out/selection.json").toFile()).get("ranked");
        assertThat(ranked).hasSize(14 * 3);
        Map<String, Integer> perModel = new HashMap<>();
        double previous = Double.NEGATIVE_INFINITY;
        int n = iris.length;
        for (JsonNode row : ranked) {
            MclustModel model = MclustModel.of(row.get("covariance_type").asText());
            int k = row.get("n_components").asInt();
            perModel.merge(model.name(), 1, Integer::sum);
            double bic = row.get("bic").asDouble();
            assertThat(bic).as("ranked by BIC, lowest (scikit-learn's sign) first").isGreaterThanOrEqualTo(previous);
            previous = bic;
            // BIC − AIC = npar·(log n − 2): the parameter count is mclust's nMclustParams
            long npar = model.covarianceParameterCount(k, 4) + (long) k * 4 + k - 1;
            assertThat(bic - row.get("aic").asDouble()).as(model + " K " + k)
                    .isCloseTo(npar * (Math.log(n) - 2), within(1e-6));
        }
        assertThat(perModel).hasSize(14).allSatisfy((model, count) -> assertThat(count).isEqualTo(3));
        byte[] png = Files.readAllBytes(dir.resolve("out/mclust-bic.png"));
        assertThat(png.length).isGreaterThan(1000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(dir.resolve("out/bic.png")).exists();
    }

    @Test
    void ranks_by_icl_when_asked() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "1,2\n1.1,2.3\n0.9,1.8\n5,6\n5.2,6.1\n4.9,5.7\n5.1,6.3\n1.2,2.1\n");
        GmmProcess.Result r = GmmProcess.run(dir, "select", "--data", "x.csv", "--components", "1..2",
                "--covariance", "parsimonious", "--criterion", "icl");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = JSON.readTree(r.stdout());
        assertThat(out.get("criterion").asText()).isEqualTo("icl");
        assertThat(out.get("ranked")).hasSize(28);
    }
}
