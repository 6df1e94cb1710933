package dev.gmm.datasets.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model file carries its training columns' names, and reading one refuses every kind of damage
 * that would otherwise give wrong numbers without an error (issue 16 §2, §3).
 */
class ModelFileValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static GaussianMixtureModel fitted(String type) {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[200][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = (i % 2) * 6 + r.nextGaussian();
            x[i][1] = (i % 2) * 3 + 0.5 * r.nextGaussian();
        }
        return GaussianMixture.builder().components(2).covarianceType(type).seed(1).build().fit(DataMatrix.of(x));
    }

    private static ObjectNode tree(GaussianMixtureModel m) throws IOException {
        return (ObjectNode) JSON.readTree(ModelJson.toJson(m));
    }

    private static String text(ObjectNode root) throws IOException {
        return JSON.writeValueAsString(root);
    }

    @Test
    void featureNamesAreWrittenAndReadBackInTheModelsOrder() throws IOException {
        Path file = dir.resolve("m.json");
        ModelJson.write(new SavedModel(fitted("full"), List.of("eruptions", "waiting")), file);
        assertThat(JSON.readTree(file.toFile()).get("feature_names_in").toString()).isEqualTo("[\"eruptions\",\"waiting\"]");
        assertThat(JSON.readTree(file.toFile()).get("format_version").asInt()).isEqualTo(1);
        assertThat(ModelJson.readSaved(file).featureNamesIn()).containsExactly("eruptions", "waiting");
    }

    @Test
    void aModelWithoutNamesHasNoKeyAndAVersionOneFileStillLoads() throws IOException {
        Path file = dir.resolve("m.json");
        ModelJson.write(fitted("diag"), file);
        assertThat(JSON.readTree(file.toFile()).has("feature_names_in")).isFalse();
        assertThat(ModelJson.readSaved(file).hasFeatureNames()).isFalse();
    }

    @Test
    void featureNamesMustBeOnePerFeatureAndDistinct() throws IOException {
        ObjectNode root = tree(fitted("diag"));
        root.putArray("feature_names_in").add("a");
        assertThatThrownBy(() -> ModelJson.savedFromJson(text(root))).hasMessageContaining("feature_names_in")
                .hasMessageContaining("2 column names");
        root.putArray("feature_names_in").add("a").add("a");
        assertThatThrownBy(() -> ModelJson.savedFromJson(text(root))).hasMessageContaining("twice");
    }

    @Test
    void aDuplicatedKeyIsRefusedInsteadOfTheLastOneWinning() {
        String json = ModelJson.toJson(fitted("spherical")).replaceFirst("\\{", "{\"n_iter\" : 1,");
        assertThatThrownBy(() -> ModelJson.fromJson(json)).hasMessageContaining("Duplicate field 'n_iter'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[0.5, 0.6]", "[0, 0]", "[1e308, 0]", "[1.5, -0.5]"})
    void weightsThatAreNegativeOrDoNotSumToOneAreRefused(String weights) throws IOException {
        ObjectNode root = tree(fitted("diag"));
        root.set("weights", JSON.readTree(weights));
        assertThatThrownBy(() -> ModelJson.fromJson(text(root))).hasMessageContaining("is broken")
                .hasMessageContaining("weights");
    }

    @Test
    void weightsWithinRoundOffOfOneAreAccepted() throws IOException {
        ObjectNode root = tree(fitted("diag"));
        root.set("weights", JSON.readTree("[0.3, 0.7000000001]"));
        assertThat(ModelJson.fromJson(text(root)).weights()[1]).isEqualTo(0.7000000001);
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteSaysTheFileIsBroken() throws IOException {
        ObjectNode full = tree(fitted("full"));
        full.set("covariances", JSON.readTree("[[[1, 2], [2, 1]], [[1, 0], [0, 1]]]"));
        assertThatThrownBy(() -> ModelJson.fromJson(text(full))).hasMessageContaining("is broken")
                .hasMessageContaining("covariances[0] is not positive definite").hasMessageNotContaining("reg_covar");
        full.set("covariances", JSON.readTree("[[[1, 0.5], [0.1, 1]], [[1, 0], [0, 1]]]"));
        assertThatThrownBy(() -> ModelJson.fromJson(text(full))).hasMessageContaining("not symmetric");
        ObjectNode diag = tree(fitted("diag"));
        diag.set("covariances", JSON.readTree("[[1, 0], [1, 1]]"));
        assertThatThrownBy(() -> ModelJson.fromJson(text(diag))).hasMessageContaining("is broken")
                .hasMessageContaining("variances must be positive");
    }

    @Test
    void aHugeNComponentsIsAClearErrorNotOutOfMemory() throws IOException {
        ObjectNode root = tree(fitted("full"));
        root.put("n_components", 2_000_000_000);
        assertThatThrownBy(() -> ModelJson.fromJson(text(root))).hasMessageContaining("n_components is 2000000000")
                .hasMessageContaining("weights");
        ObjectNode wide = tree(fitted("full"));
        wide.put("n_features", 1_000_000);
        assertThatThrownBy(() -> ModelJson.fromJson(text(wide))).hasMessageContaining("means");
        ObjectNode none = tree(fitted("full"));
        none.put("n_components", 0);
        assertThatThrownBy(() -> ModelJson.fromJson(text(none))).hasMessageContaining("at least 1");
    }

    @Test
    void aFileThatIsNotUtf8SaysSoNamingTheFile() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        assertThatThrownBy(() -> ModelJson.readSaved(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not UTF-8");
    }

    @Test
    void writingReplacesAFileWholeAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old");
        ModelJson.write(fitted("tied"), file);
        assertThat(ModelJson.read(file).covarianceType()).isEqualTo("tied");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.json");
        }
    }
}
