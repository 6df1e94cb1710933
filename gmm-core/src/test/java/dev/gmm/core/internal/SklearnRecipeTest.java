package dev.gmm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.SufficientStatistics;
import dev.gmm.testsupport.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * scikit-learn's recipe where it differs from rounding: a component whose responsibilities vanish is
 * parked at the origin (its mean is Σ r·x / (N + 10·eps)) and may revive there; the tied start from
 * single rows keeps sklearn's XᵀX-over-all-rows quirk; a component collapsed onto one row at
 * reg_covar 0 still has a positive variance. References from scikit-learn 1.2.1
 * (src/test/resources/sklearn-recipe/make_recipe_fixtures.py).
 */
class SklearnRecipeTest {

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void a_dead_component_goes_to_the_origin_and_revives_there_as_in_scikit_learn(String type) {
        Map<String, Object> f = fixture("dead-component-" + type + ".json");
        @SuppressWarnings("unchecked")
        Map<String, Object> start = (Map<String, Object>) f.get("start");
        DataMatrix x = DataMatrix.of(matrix(f.get("data")));
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covarianceType(type)
                .regCovar(1e-6).tol(1e-10).maxIter(200)
                .weightsInit(Json.flat(start.get("weights")))
                .meansInit(matrix(start.get("means")))
                .precisionsInit(new ShapedArray(Json.shape(start.get("precisions")), Json.flat(start.get("precisions"))))
                .build().fit(x);

        assertThat(model.report().iterations()).as("n_iter").isEqualTo(((Number) f.get("n_iter")).intValue());
        double expectedBound = ((Number) f.get("lower_bound")).doubleValue();
        assertThat(model.report().lowerBound()).as("lower bound")
                .isCloseTo(expectedBound, org.assertj.core.data.Offset.offset(1e-8 * Math.abs(expectedBound)));
        assertAllClose(Json.flat(f.get("weights")), model.weights(), "weights");
        assertAllClose(Json.flat(f.get("means")), flat(model.means()), "means");
        assertAllClose(Json.flat(f.get("covariances")), model.covariances().values(), "covariances");
    }

    @Test
    void the_tied_start_from_single_rows_keeps_scikit_learns_all_rows_second_moment() {
        Map<String, Object> f = fixture("tied-single-rows.json");
        DataMatrix x = DataMatrix.of(matrix(f.get("data")));
        int[] rows = java.util.Arrays.stream(Json.flat(f.get("rows"))).mapToInt(v -> (int) v).toArray();
        CovarianceModel tied = Plugins.covarianceModel("tied");
        SufficientStatistics s = InitialStatistics.of(x, null, new InitialResponsibilities.SingleRows(rows),
                rows.length, tied.scatterKind());
        double[] covariance = tied.estimate(s, 1e-6).covariances().values();
        assertAllClose(Json.flat(f.get("covariances")), covariance, "tied start covariance");
    }

    @Test
    void a_component_collapsed_onto_one_row_at_reg_covar_0_still_fits_with_a_positive_variance() {
        // 1-D: 40 rows around 0 and one far row that the second component starts on, narrowly
        double[][] rows = new double[41][1];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            rows[i][0] = random.nextGaussian();
        }
        rows[40][0] = 50;
        GaussianMixture config = GaussianMixture.builder().components(2).covarianceType("diag").regCovar(0)
                .tol(1e-10).maxIter(5).weightsInit(new double[] {0.9, 0.1})
                .meansInit(new double[][] {{0}, {50}}).precisionsInit(new double[][] {{1}, {1e4}}).build();
        assertThatCode(() -> config.fit(DataMatrix.of(rows))).doesNotThrowAnyException();
        GaussianMixtureModel model = config.fit(DataMatrix.of(rows));
        double variance = model.covariances().values()[1];
        assertThat(variance).as("the collapsed component's variance").isPositive().isLessThan(1e-20);
        assertThat(model.report().lowerBound()).isFinite();
    }

    private static void assertAllClose(double[] expected, double[] actual, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(1e-6 * Math.abs(expected[i]), 1e-9);
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s[%d]: expected %s but was %s", what, i, expected[i], actual[i]).isLessThanOrEqualTo(tolerance);
        }
    }

    private static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[][] matrix(Object nested) {
        int[] shape = Json.shape(nested);
        double[] values = Json.flat(nested);
        double[][] m = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(values, i * shape[1], m[i], 0, shape[1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(String name) {
        try (InputStream in = SklearnRecipeTest.class.getResourceAsStream("/sklearn-recipe/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource sklearn-recipe/" + name);
            }
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
