package dev.gmm.spark;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.ShapedArray;
import dev.gmm.testsupport.Json;
import dev.gmm.testsupport.SharedFixtures;

import java.util.List;
import java.util.Map;

/** The scikit-learn EM fixtures (shared/fixtures/sklearn-em, scikit-learn 1.2.1; held once in gmm-test-support). */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        return SharedFixtures.text("sklearn-em", name);
    }

    /** Every fixture file named in INDEX.json. */
    @SuppressWarnings("unchecked")
    static List<String> index() {
        return (List<String>) Json.parse(text("INDEX.json"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String name) {
        return (Map<String, Object>) Json.parse(text(name));
    }

    static DataMatrix csv(String name) {
        return DataMatrix.of(text(name).lines().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new));
    }

    /** The fixture's data. */
    static DataMatrix data(Map<String, Object> fixture) {
        return csv((String) fixture.get("dataset"));
    }

    /** The converged run (tol 1e-10): the one that exercises every iteration to the end. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> convergedRun(Map<String, Object> fixture) {
        return ((List<Map<String, Object>>) fixture.get("runs")).stream()
                .filter(r -> ((Number) r.get("tol")).doubleValue() > 0).findFirst().orElseThrow();
    }

    /** The fixture's explicit start and a run's tol and max_iter, as the core's configuration. */
    static GaussianMixture config(Map<String, Object> fixture, Map<String, Object> run) {
        Map<String, Object> start = Json.obj(fixture, "start");
        Object precisions = start.get("precisions");
        return GaussianMixture.builder().components(((Number) fixture.get("n_components")).intValue())
                .covarianceType((String) fixture.get("covariance_type"))
                .regCovar(((Number) fixture.get("reg_covar")).doubleValue())
                .tol(((Number) run.get("tol")).doubleValue()).maxIter(((Number) run.get("max_iter")).intValue())
                .weightsInit(Json.vec(start.get("weights"))).meansInit(Json.mat(start.get("means")))
                .precisionsInit(new ShapedArray(Json.shape(precisions), Json.flat(precisions)))
                .build();
    }

    /** The same configuration as estimator params. */
    static SparkGaussianMixture estimator(GaussianMixture c) {
        return new SparkGaussianMixture().setK(c.components()).setCovarianceType(c.covarianceType())
                .setRegCovar(c.regCovar()).setTol(c.tol()).setMaxIter(c.maxIter()).setNInit(c.nInit())
                .setInitMode(c.initMethod()).setSeed(c.seed())
                .setStart(c.weightsInit(), c.meansInit(), c.precisionsInit());
    }
}
