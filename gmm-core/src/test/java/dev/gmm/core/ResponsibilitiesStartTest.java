package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.testsupport.Json;
import dev.gmm.testsupport.SharedFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fit from given responsibilities is scikit-learn's {@code _initialize(X, resp)} then EM, and so
 * mclust's {@code me(X, model, z0)} for the four models both have (VVV = full, VVI = diag, EEE = tied,
 * VII = spherical). mclust's M-step from z0 happens inside its first iteration: its parameters after
 * i iterations are ours after i − 1, and its loglik after i iterations is n times our lower bound
 * after i. References: R mclust 6.0.0 (gmm-test-support's fixtures/mclust).
 */
class ResponsibilitiesStartTest {
    private static final Map<String, String> SKLEARN_NAMES = Map.of("VVV", "full", "VVI", "diag", "EEE", "tied",
            "VII", "spherical");

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String set : List.of("iris", "aniso2d", "blobs5d")) {
            for (String model : SKLEARN_NAMES.keySet()) {
                if (set.equals("blobs5d") && model.equals("VII")) {
                    continue; // mclust gives no finite result from that start (README)
                }
                for (int run = 0; run < 3; run++) { // itmax 1, 2, 10 with tol 0
                    out.add(Arguments.of(set, model, run));
                }
            }
        }
        return out.stream();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}-{1} run {2}")
    @MethodSource("runs")
    void matches_mclust_me_from_z0(String set, String model, int runIndex) {
        Map<String, Object> f = (Map<String, Object>) SharedFixtures.json("mclust", set + "-" + model + ".json");
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
        DataMatrix x = DataMatrix.of(SharedFixtures.csv("mclust", (String) f.get("dataset")));
        double[][] z0 = SharedFixtures.csv("mclust", (String) f.get("z0"));
        int iterations = ((Number) run.get("itmax")).intValue();
        GaussianMixture config = GaussianMixture.builder().components(z0[0].length)
                .covarianceType(SKLEARN_NAMES.get(model)).regCovar(0).tol(0).build();

        GaussianMixtureModel parameters = config.toBuilder().maxIter(iterations - 1).build()
                .fitFromResponsibilities(x, null, z0);
        String where = set + "-" + model + " itmax " + iterations;
        assertAllClose(Json.flat(run.get("pro")), parameters.weights(), where + " pro");
        assertAllClose(Json.flat(run.get("means")), flat(parameters.means()), where + " means");
        double[] covariances = new double[0];
        for (int k = 0; k < parameters.components(); k++) {
            covariances = concat(covariances, flat(parameters.covariance(k)));
        }
        assertAllClose(Json.flat(run.get("covariances")), covariances, where + " covariances");

        double bound = config.toBuilder().maxIter(iterations).build().fitFromResponsibilities(x, null, z0)
                .report().lowerBound();
        double loglik = ((Number) run.get("loglik")).doubleValue();
        assertThat(Math.abs(x.rows() * bound - loglik)).as(where + " loglik").isLessThanOrEqualTo(1e-8 * Math.abs(loglik));
    }

    @Test
    void responsibilities_of_the_wrong_shape_or_not_summing_to_one_are_refused() {
        DataMatrix x = DataMatrix.of(new double[][] {{0}, {1}, {5}, {6}});
        GaussianMixture config = GaussianMixture.builder().components(2).build();
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null, new double[][] {{1, 0}, {1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 rows but the data have 4");
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null,
                new double[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 3 has 3 values");
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null,
                new double[][] {{1, 0}, {0.5, 0.4}, {0, 1}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 sums to 0.9");
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null,
                new double[][] {{1, 0}, {1.5, -0.5}, {0, 1}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite and >= 0");
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

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
