package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.testsupport.Json;
import dev.gmm.testsupport.SharedFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scikit-learn 1.2.1 BayesianGaussianMixture fixture (gmm-test-support's fixtures/sklearn-bgmm:
 * 3 data sets × 4 covariance types × 2 prior types, runs of 1, 2 and 10 iterations with tol 0 and one
 * to convergence with tol 1e-8, all from the same responsibilities) reproduced through the Java API:
 * the attributes within 1e-6 relative (1e-9 absolute near zero), the lower bound and score within 1e-8
 * relative, n_iter, converged and predict exactly, the heads of score_samples and predict_proba within
 * 1e-8. The resolved priors are checked too, since the fit resolves them from the data itself.
 */
class BayesianParityTest {

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Object name : (List<?>) SharedFixtures.json("sklearn-bgmm", "INDEX.json")) {
            for (int run = 0; run < 4; run++) {
                out.add(Arguments.of(name, run));
            }
        }
        return out.stream();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void matches_scikit_learn(String name, int runIndex) {
        Map<String, Object> f = (Map<String, Object>) SharedFixtures.json("sklearn-bgmm", name);
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
        DataMatrix x = DataMatrix.of(SharedFixtures.csv("sklearn-bgmm", (String) f.get("dataset")));
        double[][] start = Json.mat(Json.obj(f, "start").get("responsibilities"));
        BayesianGaussianMixture config = configuration(f, run);

        BayesianGaussianMixtureModel model = config.fitFromResponsibilities(x, null, start);
        String where = name + " max_iter " + run.get("max_iter");

        Map<String, Object> resolved = Json.obj(f, "priors_resolved");
        VariationalPriors priors = model.priors();
        close(Json.flat(resolved.get("weight_concentration_prior")), new double[] {priors.weightConcentrationPrior()},
                1e-12, where + " weight_concentration_prior");
        close(Json.flat(resolved.get("mean_prior")), priors.meanPrior(), 1e-12, where + " mean_prior");
        close(Json.flat(resolved.get("degrees_of_freedom_prior")), new double[] {priors.degreesOfFreedomPrior()}, 1e-12,
                where + " degrees_of_freedom_prior");
        close(Json.flat(resolved.get("covariance_prior")), priors.covariancePrior().values(), 1e-12,
                where + " covariance_prior");

        assertThat(model.report().iterations()).as(where + " n_iter").isEqualTo(((Number) run.get("n_iter")).intValue());
        assertThat(model.report().converged()).as(where + " converged").isEqualTo(run.get("converged"));
        close(Json.flat(run.get("weights")), model.weights(), 1e-6, where + " weights");
        close(Json.flat(run.get("weight_concentration")), flat(model.weightConcentration()), 1e-6,
                where + " weight_concentration");
        close(Json.flat(run.get("mean_precision")), model.meanPrecision(), 1e-6, where + " mean_precision");
        close(Json.flat(run.get("means")), flat(model.means()), 1e-6, where + " means");
        double[] dof = model.covarianceType().equals("tied") ? new double[] {model.degreesOfFreedom()[0]}
                : model.degreesOfFreedom();
        close(Json.flat(run.get("degrees_of_freedom")), dof, 1e-6, where + " degrees_of_freedom");
        close(Json.flat(run.get("covariances")), model.covariances().values(), 1e-6, where + " covariances");
        close(Json.flat(run.get("precisions_cholesky")), model.precisionsCholesky().values(), 1e-6,
                where + " precisions_cholesky");
        close(new double[] {((Number) run.get("lower_bound")).doubleValue()},
                new double[] {model.report().lowerBound()}, 1e-8, where + " lower_bound");
        close(new double[] {((Number) run.get("score")).doubleValue()}, new double[] {model.score(x)}, 1e-8,
                where + " score");

        DataMatrix head = x.rowRange(0, Math.min(10, x.rows()));
        close(Json.flat(run.get("score_samples_head")), model.scoreSamples(head), 1e-8, where + " score_samples");
        close(Json.flat(run.get("predict_proba_head")), flat(model.predictProba(head)), 1e-8, where + " predict_proba");
        int[] expected = Json.flat(run.get("predict")) .length == 0 ? new int[0]
                : java.util.Arrays.stream(Json.flat(run.get("predict"))).mapToInt(v -> (int) v).toArray();
        assertThat(model.predict(x)).as(where + " predict").containsExactly(expected);
    }

    /** The fixture's configuration: its covariance and prior types, the priors it gave, the run's tol and max_iter. */
    @SuppressWarnings("unchecked")
    static BayesianGaussianMixture configuration(Map<String, Object> f, Map<String, Object> run) {
        VariationalPriors priors = VariationalPriors.defaults();
        Map<String, Object> given = (Map<String, Object>) f.get("priors_given");
        if (given.containsKey("weight_concentration_prior")) {
            priors = priors.withWeightConcentrationPrior(((Number) given.get("weight_concentration_prior")).doubleValue());
        }
        if (given.containsKey("mean_precision_prior")) {
            priors = priors.withMeanPrecisionPrior(((Number) given.get("mean_precision_prior")).doubleValue());
        }
        if (given.containsKey("degrees_of_freedom_prior")) {
            priors = priors.withDegreesOfFreedomPrior(((Number) given.get("degrees_of_freedom_prior")).doubleValue());
        }
        return BayesianGaussianMixture.builder()
                .components(((Number) f.get("n_components")).intValue())
                .covarianceType((String) f.get("covariance_type"))
                .weightConcentrationPriorType((String) f.get("weight_concentration_prior_type"))
                .regCovar(((Number) f.get("reg_covar")).doubleValue())
                .priors(priors)
                .tol(((Number) run.get("tol")).doubleValue())
                .maxIter(((Number) run.get("max_iter")).intValue())
                .build();
    }

    static void close(double[] expected, double[] actual, double relative, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(relative * Math.abs(expected[i]), relative == 1e-6 ? 1e-9 : relative);
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s[%d]: expected %s but was %s", what, i, expected[i], actual[i]).isLessThanOrEqualTo(tolerance);
        }
    }

    private static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
