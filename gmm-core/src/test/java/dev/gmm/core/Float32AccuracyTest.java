package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.testsupport.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float32 storage against float64 on the scikit-learn fixtures, from the same explicit start. Under
 * the SIMD kernel a float32 matrix runs its float32 mode: the data are rounded to float once, the
 * E-step products and the statistics tiles are float (relative rounding 2⁻²⁴ ≈ 6e-8 per operation),
 * and everything summed across blocks, the log-sum-exp and the log-likelihood are double. (Under the
 * scalar kernel float32 values are widened to double, and the only difference is the rounding of the
 * input; the same bounds hold with room to spare.)
 *
 * <p>The documented accuracy, which this test asserts, step for step (the float32 fit runs exactly
 * as many iterations as the float64 one): the lower bound (mean log-likelihood) within
 * {@value #LOWER_BOUND} relative, means within {@value #MEANS} of the data's scale, covariances
 * within {@value #COVARIANCES} of their largest entry.
 *
 * <p>Convergence: the float32 lower bound carries noise of order 1e-8 relative from one iteration to
 * the next, so a tol far below that (the fixtures' converged runs use tol = 1e-10) may not be met
 * and the fit then runs on to max_iter (measured: float64 stops after 9 to 127 iterations, float32
 * after 29 to 1000, four of the sixteen runs reaching max_iter = 1000). Run to the fixtures' own tol, a float32 fit may therefore
 * stop at another iteration than the float64 one; it still reaches the same optimum: the lower bound
 * within {@value #LOWER_BOUND}, means within {@value #CONVERGED_MEANS} and covariances within
 * {@value #CONVERGED_COVARIANCES} (the rest of the slow final drift).
 */
class Float32AccuracyTest {
    // measured step for step under the SIMD kernel: at most 7.9e-8, 1.1e-7 and 6.0e-7 (under the scalar
    // kernel, which widens float32 values to double, 3.2e-8, 3.3e-8 and 3.5e-7); about 3x room
    static final double LOWER_BOUND = 2.5e-7;
    static final double MEANS = 3e-7;
    static final double COVARIANCES = 2e-6;
    // measured at the fixtures' own tol under the SIMD kernel: means at most 2.1e-5, covariances 6.4e-5
    // (aniso2d-diag, float64 stopping after 127 iterations, float32 after 490); about 3x room
    static final double CONVERGED_MEANS = 6e-5;
    static final double CONVERGED_COVARIANCES = 2e-4;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> runs() {
        return SklearnParityTest.runs();
    }

    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void float32FitsStayWithinTheDocumentedToleranceOfFloat64StepForStep(String file, int runIndex) {
        Fixture f = Fixture.load(file, runIndex);
        GaussianMixtureModel m64 = f.builder(f.tol, f.maxIter).build().fit(f.x64);
        // tol 0 runs exactly max_iter iterations: the float32 fit takes as many steps as the float64 one
        GaussianMixtureModel m32 = f.builder(0, m64.report().iterations()).build().fit(f.x64.toFloat32());
        String where = file + " run " + runIndex;
        assertThat(m32.report().iterations()).as(where + " iterations").isEqualTo(m64.report().iterations());
        assertThat(lowerBoundError(m32, m64)).as(where + " lower bound, relative").isLessThanOrEqualTo(LOWER_BOUND);
        assertThat(meanError(m32, m64, f)).as(where + " means, relative to the data's scale")
                .isLessThanOrEqualTo(MEANS);
        assertThat(covarianceError(m32, m64)).as(where + " covariances, relative to the largest")
                .isLessThanOrEqualTo(COVARIANCES);
    }

    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void float32FitsRunToTheFixturesTolReachTheSameOptimum(String file, int runIndex) {
        Fixture f = Fixture.load(file, runIndex);
        GaussianMixture mixture = f.builder(f.tol, f.maxIter).build();
        GaussianMixtureModel m64 = mixture.fit(f.x64);
        GaussianMixtureModel m32 = mixture.fit(f.x64.toFloat32());
        String where = file + " run " + runIndex + " (float64 " + m64.report().iterations() + " iterations, float32 "
                + m32.report().iterations() + ")";
        assertThat(lowerBoundError(m32, m64)).as(where + " lower bound, relative").isLessThanOrEqualTo(LOWER_BOUND);
        assertThat(meanError(m32, m64, f)).as(where + " means, relative to the data's scale")
                .isLessThanOrEqualTo(CONVERGED_MEANS);
        assertThat(covarianceError(m32, m64)).as(where + " covariances, relative to the largest")
                .isLessThanOrEqualTo(CONVERGED_COVARIANCES);
    }

    /** One run of a scikit-learn fixture: its data, start and settings. */
    private record Fixture(Map<String, Object> json, Map<String, Object> start, DataMatrix x64, double tol,
                           int maxIter) {
        @SuppressWarnings("unchecked")
        static Fixture load(String file, int runIndex) {
            Map<String, Object> f = Fixtures.json(file);
            Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
            return new Fixture(f, (Map<String, Object>) f.get("start"), Fixtures.csv((String) f.get("dataset")),
                    ((Number) run.get("tol")).doubleValue(), ((Number) run.get("max_iter")).intValue());
        }

        GaussianMixture.Builder builder(double tol, int maxIter) {
            return GaussianMixture.builder()
                    .components(((Number) json.get("n_components")).intValue())
                    .covarianceType((String) json.get("covariance_type"))
                    .regCovar(((Number) json.get("reg_covar")).doubleValue())
                    .tol(tol)
                    .maxIter(maxIter)
                    .weightsInit(Json.flat(start.get("weights")))
                    .meansInit(SklearnParityTest.toMatrix(start.get("means")))
                    .precisionsInit(new ShapedArray(Json.shape(start.get("precisions")),
                            Json.flat(start.get("precisions"))));
        }
    }

    private static double lowerBoundError(GaussianMixtureModel m32, GaussianMixtureModel m64) {
        double lb = m64.report().lowerBound();
        return Math.abs(m32.report().lowerBound() - lb) / Math.max(1, Math.abs(lb));
    }

    private static double meanError(GaussianMixtureModel m32, GaussianMixtureModel m64, Fixture f) {
        return maxAbsDifference(SklearnParityTest.flatten(m32.means()), SklearnParityTest.flatten(m64.means()))
                / Math.max(1, maxAbs(f.x64().toArray()));
    }

    private static double covarianceError(GaussianMixtureModel m32, GaussianMixtureModel m64) {
        return maxAbsDifference(m32.covariances().values(), m64.covariances().values())
                / maxAbs(m64.covariances().values());
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            m = Math.max(m, maxAbs(row));
        }
        return m;
    }
}
