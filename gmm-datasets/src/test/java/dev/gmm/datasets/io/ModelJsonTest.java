package dev.gmm.datasets.io;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ShapedArray;
import dev.gmm.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model JSON codec (Decision 4), on the scikit-learn 1.2.1 fixtures gmm-test-support holds
 * (fixtures/sklearn-em).
 */
class ModelJsonTest {

    private static DataMatrix blobs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[300][3];
        for (int i = 0; i < x.length; i++) {
            int c = i % 3;
            for (int j = 0; j < 3; j++) {
                x[i][j] = 4 * c + (j + 1) * 0.5 * r.nextGaussian();
            }
        }
        return DataMatrix.of(x);
    }

    private static GaussianMixtureModel fitted(String type) {
        return GaussianMixture.builder().components(3).covarianceType(type).seed(7).build().fit(blobs(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void aFittedModelRoundTripsBitExact(String type) {
        GaussianMixtureModel m = fitted(type);
        GaussianMixtureModel back = ModelJson.fromJson(ModelJson.toJson(m));

        assertThat(back.covarianceType()).isEqualTo(type);
        assertThat(back.weights()).isEqualTo(m.weights());
        assertThat(back.means()).isDeepEqualTo(m.means());
        assertThat(back.covariances()).isEqualTo(m.covariances());
        assertThat(back.precisionsCholesky().values()).isEqualTo(m.precisionsCholesky().values());
        assertThat(back.regCovar()).isEqualTo(m.regCovar());
        assertThat(back.report().converged()).isEqualTo(m.report().converged());
        assertThat(back.report().iterations()).isEqualTo(m.report().iterations());
        assertThat(Double.doubleToRawLongBits(back.report().lowerBound()))
                .isEqualTo(Double.doubleToRawLongBits(m.report().lowerBound()));
        DataMatrix x = blobs(2);
        assertThat(back.scoreSamples(x)).isEqualTo(m.scoreSamples(x));
    }

    @Test
    void randomDoublesSurviveWritingAndReadingBitExact() {
        SplittableRandom r = new SplittableRandom(42);
        int d = 4;
        for (int trial = 0; trial < 50; trial++) {
            double[] w = {r.nextDouble(), r.nextDouble()};
            double s = w[0] + w[1];
            w[0] /= s;
            w[1] /= s;
            double[][] means = new double[2][d];
            double[] diag = new double[2 * d];
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < d; j++) {
                    means[k][j] = Double.longBitsToDouble(r.nextLong()) % 1e6;
                    if (!Double.isFinite(means[k][j])) {
                        means[k][j] = r.nextGaussian() * 1e-300;
                    }
                    diag[k * d + j] = 0.01 + r.nextDouble() * Math.pow(10, r.nextInt(-5, 6));
                }
            }
            GaussianMixtureModel m = GaussianMixtureModel.fromCovariances("diag", w, means,
                    new ShapedArray(new int[] {2, d}, diag), 1e-6,
                    new dev.gmm.core.FitReport(false, 3, r.nextGaussian(), new double[0], 0, "x", 1, 0));
            GaussianMixtureModel back = ModelJson.fromJson(ModelJson.toJson(m));
            assertThat(back.weights()).isEqualTo(m.weights());
            assertThat(back.means()).isDeepEqualTo(m.means());
            assertThat(back.covariances().values()).isEqualTo(diag);
            assertThat(back.report().lowerBound()).isEqualTo(m.report().lowerBound());
        }
    }

    @Test
    void writeAndReadUseFiles(@TempDir Path dir) throws IOException {
        GaussianMixtureModel m = fitted("full");
        Path file = dir.resolve("model.json");
        ModelJson.write(m, file);
        String text = Files.readString(file);
        assertThat(text).contains("\"format_version\"", "\"covariance_type\"", "\"precisions_cholesky\"",
                "\"n_components\"", "\"n_features\"", "\"reg_covar\"", "\"lower_bound\"", "\"n_iter\"");
        assertThat(ModelJson.read(file).means()).isDeepEqualTo(m.means());
    }

    @Test
    void aNewerFormatVersionIsRefusedClearly() {
        String json = ModelJson.toJson(fitted("diag")).replace("\"format_version\" : 1", "\"format_version\" : 3");
        assertThatThrownBy(() -> ModelJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format_version 3");
    }

    @Test
    void missingFieldsWrongShapesAndNaNAreNamed(@TempDir Path dir) throws IOException {
        String json = ModelJson.toJson(fitted("diag"));
        assertThatThrownBy(() -> ModelJson.fromJson(json.replace("\"weights\"", "\"weightz\"")))
                .hasMessageContaining("\"weights\"").hasMessageContaining("missing");
        String shortMeans = json.replace("\"n_features\" : 3", "\"n_features\" : 4");
        assertThatThrownBy(() -> ModelJson.fromJson(shortMeans)).hasMessageContaining("means");
        String nan = json.replaceFirst("\"lower_bound\" : [^,\\n}]+", "\"lower_bound\" : \"NaN\"");
        assertThatThrownBy(() -> ModelJson.fromJson(nan)).hasMessageContaining("lower_bound");
        assertThatThrownBy(() -> ModelJson.fromJson("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ModelJson.fromJson("{")).hasMessageContaining("not valid JSON");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json.replace("\"covariance_type\" : \"diag\"", "\"covariance_type\" : \"banana\""));
        assertThatThrownBy(() -> ModelJson.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("banana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void readsTheStartObjectOfAnSklearnFixture(String type) throws IOException {
        String json = SharedFixtures.text("sklearn-em", "aniso2d-" + type + ".json");
        StartParameters s = ModelJson.startFromJson(json);
        assertThat(s.weights()).hasSize(3);
        assertThat(s.means()).hasNumberOfRows(3);
        int[] expected = switch (type) {
            case "full" -> new int[] {3, 2, 2};
            case "tied" -> new int[] {2, 2};
            case "diag" -> new int[] {3, 2};
            default -> new int[] {3};
        };
        assertThat(s.precisions().shape()).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void aModelFileGivesPrecisionsThatInvertItsCovariances(String type, @TempDir Path dir) throws IOException {
        GaussianMixtureModel m = fitted(type);
        Path file = dir.resolve("m.json");
        ModelJson.write(m, file);
        StartParameters s = ModelJson.readStart(file);
        assertThat(s.weights()).isEqualTo(m.weights());
        assertThat(s.precisions().shape()).isEqualTo(m.covariances().shape());
        double[] p = s.precisions().values();
        double[] c = m.covariances().values();
        if (type.equals("diag") || type.equals("spherical")) {
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i] * c[i]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            }
        } else {
            int d = m.features();
            for (int b = 0; b < p.length / (d * d); b++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double sum = 0;
                        for (int t = 0; t < d; t++) {
                            sum += p[b * d * d + i * d + t] * c[b * d * d + t * d + j];
                        }
                        assertThat(sum).isCloseTo(i == j ? 1 : 0, org.assertj.core.data.Offset.offset(1e-8));
                    }
                }
            }
        }
    }

    @Test
    void anAmbiguousStartObjectAsksForTheCovarianceType() {
        String json = "{\"weights\":[0.5,0.5],\"means\":[[0,0],[1,1]],\"precisions\":[[1,0],[0,1]]}";
        assertThatThrownBy(() -> ModelJson.startFromJson(json)).hasMessageContaining("covariance_type");
        StartParameters tied = ModelJson.startFromJson(json.replace("{\"weights\"", "{\"covariance_type\":\"tied\",\"weights\""));
        assertThat(tied.precisions().shape()).containsExactly(2, 2);
    }
}
