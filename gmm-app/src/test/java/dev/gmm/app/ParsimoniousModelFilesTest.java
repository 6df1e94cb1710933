package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.parsimonious.MclustModel;
import dev.gmm.testsupport.SharedFixtures;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model of mclust's family survives its model file: {@code covariance_type} is the model's name, the
 * covariances read back bit for bit, the reloaded model predicts and scores as the fitted one, and the
 * {@code decomposition} beside them takes each covariance apart as λₖ·Dₖ·Aₖ·Dₖᵀ (scale positive, det Aₖ =
 * 1, Dₖ orthonormal), with the structure the model's name promises: one orientation for all components
 * where the orientation letter is E, the identity where it is I, one volume where the volume letter is E.
 */
class ParsimoniousModelFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DataMatrix IRIS = DataMatrix.of(SharedFixtures.csv("mclust", "iris.csv"));
    private static final double[][] Z0 = SharedFixtures.csv("mclust", "iris.z0.csv");

    static Stream<String> models() {
        return MclustModel.names().stream();
    }

    private static GaussianMixtureModel fit(String model) {
        return GaussianMixture.builder().components(Z0[0].length).covarianceType(model).tol(0).maxIter(5).build()
                .fitFromResponsibilities(IRIS, null, Z0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void a_model_reads_back_exactly_with_its_decomposition(String model) throws Exception {
        GaussianMixtureModel fitted = fit(model);
        String text = ModelJson.toJson(fitted);
        JsonNode file = JSON.readTree(text);
        assertThat(file.get("covariance_type").asText()).isEqualTo(model);
        assertThat(file.get("format_version").asInt()).as("an optional key keeps format_version 1").isEqualTo(1);

        GaussianMixtureModel reloaded = ModelJson.fromJson(text);
        assertThat(Arrays.equals(reloaded.covariances().values(), fitted.covariances().values()))
                .as("covariances bit for bit").isTrue();
        assertThat(reloaded.covariances().shape()).isEqualTo(fitted.covariances().shape());
        assertThat(reloaded.predict(IRIS)).containsExactly(fitted.predict(IRIS));
        double[] fittedScores = fitted.scoreSamples(IRIS);
        double[] reloadedScores = reloaded.scoreSamples(IRIS);
        for (int i = 0; i < fittedScores.length; i++) {
            assertThat(reloadedScores[i]).isCloseTo(fittedScores[i], within(1e-12 * Math.abs(fittedScores[i])));
        }
        assertThat(ModelJson.toJson(reloaded)).as("written again, the same file").isEqualTo(text);

        assertDecomposition(file.get("decomposition"), fitted, model);
    }

    private static void assertDecomposition(JsonNode decomposition, GaussianMixtureModel m, String model) {
        int k = m.components();
        int d = m.features();
        assertThat(decomposition).as(model + " decomposition").isNotNull();
        for (int c = 0; c < k; c++) {
            double scale = decomposition.get("scale").get(c).asDouble();
            double[] shape = flat(decomposition.get("shape").get(c));
            double[] o = flat(decomposition.get("orientation").get(c));
            assertThat(scale).isPositive();
            assertThat(Arrays.stream(shape).map(Math::log).sum()).as("log det A").isCloseTo(0, within(1e-12));
            double[][] sigma = m.covariance(c);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double rebuilt = 0;
                    double gram = 0;
                    for (int q = 0; q < d; q++) {
                        rebuilt += scale * o[i * d + q] * shape[q] * o[j * d + q];
                        gram += o[q * d + i] * o[q * d + j];
                    }
                    assertThat(rebuilt).as("%s λDADᵀ[%d][%d][%d]", model, c, i, j).isCloseTo(sigma[i][j], within(1e-10));
                    assertThat(gram).as("%s DᵀD[%d][%d][%d]", model, c, i, j).isCloseTo(i == j ? 1 : 0, within(1e-12));
                    if (model.charAt(2) == 'I') {
                        assertThat(o[i * d + j]).as("axis-aligned orientation").isEqualTo(i == j ? 1.0 : 0.0);
                    }
                }
            }
            if (c > 0 && model.charAt(2) != 'V') {
                assertThat(decomposition.get("orientation").get(c)).as(model + ": one orientation")
                        .isEqualTo(decomposition.get("orientation").get(0));
            }
            if (c > 0 && model.charAt(0) == 'E') {
                assertThat(scale).as(model + ": one volume")
                        .isCloseTo(decomposition.get("scale").get(0).asDouble(), within(1e-12 * scale));
            }
        }
    }

    @Test
    void the_four_built_in_types_write_no_decomposition() throws Exception {
        for (String type : new String[] {"full", "tied", "diag", "spherical"}) {
            assertThat(JSON.readTree(ModelJson.toJson(fit(type))).has("decomposition")).as(type).isFalse();
        }
    }

    @Test
    void a_file_without_a_decomposition_reads_the_same_model() throws Exception {
        GaussianMixtureModel fitted = fit("EVE");
        ObjectNode file = (ObjectNode) JSON.readTree(ModelJson.toJson(fitted));
        file.remove("decomposition");
        GaussianMixtureModel reloaded = ModelJson.fromJson(file.toString());
        assertThat(reloaded.covariances().values()).containsExactly(fitted.covariances().values());
    }

    @Test
    void a_decomposition_that_no_longer_matches_the_covariances_is_a_damaged_file() throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(ModelJson.toJson(fit("VVE")));
        ArrayNode scale = (ArrayNode) file.get("decomposition").get("scale");
        scale.set(1, scale.get(1).asDouble() * 1.01);
        assertThatThrownBy(() -> ModelJson.fromJson(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is broken").hasMessageContaining("decomposition of component 1")
                .hasMessageContaining("delete \"decomposition\" or fit the model again");

        ObjectNode shapeless = (ObjectNode) JSON.readTree(ModelJson.toJson(fit("VVE")));
        ((ObjectNode) shapeless.get("decomposition")).remove("shape");
        assertThatThrownBy(() -> ModelJson.fromJson(shapeless.toString())).hasMessageContaining("\"shape\" is missing");
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
