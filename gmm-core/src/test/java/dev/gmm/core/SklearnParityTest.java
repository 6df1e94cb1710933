package dev.gmm.core;

import dev.gmm.testsupport.Json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EM from each fixture's explicit start reproduces scikit-learn 1.2.1 run for run: parameters within
 * 1e-6 relative (1e-9 absolute near zero), log-likelihoods within 1e-8 relative, n_iter, converged
 * and every predicted label exactly.
 */
class SklearnParityTest {

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Fixtures.index()) {
            Map<String, Object> f = Fixtures.json(file);
            List<?> runs = (List<?>) f.get("runs");
            for (int r = 0; r < runs.size(); r++) {
                out.add(Arguments.of(file, r));
            }
        }
        return out.stream();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void emFromTheExplicitStartMatchesScikitLearn(String file, int runIndex) {
        Map<String, Object> f = Fixtures.json(file);
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
        DataMatrix x = Fixtures.csv((String) f.get("dataset"));
        int k = ((Number) f.get("n_components")).intValue();
        GaussianMixtureModel model = configOf(f, run).fit(x);

        String where = file + " run " + runIndex;
        assertEquals(((Number) run.get("n_iter")).intValue(), model.report().iterations(), where + " n_iter");
        assertEquals(run.get("converged"), model.report().converged(), where + " converged");
        assertClose(((Number) run.get("lower_bound")).doubleValue(), model.report().lowerBound(), 1e-8, where + " lower_bound");
        assertClose(((Number) run.get("score")).doubleValue(), model.score(x), 1e-8, where + " score");
        assertClose(((Number) run.get("bic")).doubleValue(), model.bic(x), 1e-8, where + " bic");
        assertClose(((Number) run.get("aic")).doubleValue(), model.aic(x), 1e-8, where + " aic");

        assertAllClose(Json.flat(run.get("weights")), model.weights(), where + " weights");
        assertAllClose(Json.flat(run.get("means")), flatten(model.means()), where + " means");
        assertThat(model.covariances().shape()).as(where + " covariances shape").containsExactly(Json.shape(run.get("covariances")));
        assertAllClose(Json.flat(run.get("covariances")), model.covariances().values(), where + " covariances");
        assertAllClose(Json.flat(run.get("precisions_cholesky")), model.precisionsCholesky().values(), where + " precisions_cholesky");

        double[] expectedScores = Json.flat(run.get("score_samples_head"));
        double[] scores = model.scoreSamples(x);
        for (int i = 0; i < expectedScores.length; i++) {
            assertClose(expectedScores[i], scores[i], 1e-8, where + " score_samples[" + i + "]");
        }
        double[] expectedProba = Json.flat(run.get("predict_proba_head"));
        double[][] proba = model.predictProba(x);
        for (int i = 0; i < expectedProba.length; i++) {
            double actual = proba[i / k][i % k];
            assertThat(Math.abs(actual - expectedProba[i])).as(where + " predict_proba " + i).isLessThanOrEqualTo(1e-8);
        }
        int[] expectedLabels = Json.flat(run.get("predict")).length == 0 ? new int[0]
                : java.util.Arrays.stream(Json.flat(run.get("predict"))).mapToInt(v -> (int) v).toArray();
        assertThat(model.predict(x)).as(where + " predict").containsExactly(expectedLabels);
    }

    /** The fixture's configuration for one run: its explicit start, reg_covar, tol and max_iter. */
    @SuppressWarnings("unchecked")
    static GaussianMixture configOf(Map<String, Object> fixture, Map<String, Object> run) {
        Map<String, Object> start = (Map<String, Object>) fixture.get("start");
        return GaussianMixture.builder()
                .components(((Number) fixture.get("n_components")).intValue())
                .covarianceType((String) fixture.get("covariance_type"))
                .regCovar(((Number) fixture.get("reg_covar")).doubleValue())
                .tol(((Number) run.get("tol")).doubleValue())
                .maxIter(((Number) run.get("max_iter")).intValue())
                .weightsInit(Json.flat(start.get("weights")))
                .meansInit(toMatrix(start.get("means")))
                .precisionsInit(new ShapedArray(Json.shape(start.get("precisions")), Json.flat(start.get("precisions"))))
                .build();
    }

    static double[][] toMatrix(Object nested) {
        int[] shape = Json.shape(nested);
        double[] flat = Json.flat(nested);
        double[][] m = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(flat, i * shape[1], m[i], 0, shape[1]);
        }
        return m;
    }

    static double[] flatten(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = Math.max(relative * Math.abs(expected), 1e-12);
        assertThat(Math.abs(actual - expected)).as(what + ": expected " + expected + " but was " + actual)
                .isLessThanOrEqualTo(tolerance);
    }

    static void assertAllClose(double[] expected, double[] actual, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(1e-6 * Math.abs(expected[i]), 1e-9);
            assertThat(Math.abs(actual[i] - expected[i])).as(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i])
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}
