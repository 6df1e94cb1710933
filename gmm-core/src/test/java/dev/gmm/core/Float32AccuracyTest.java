package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.testsupport.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float32 storage against float64 on the scikit-learn fixtures, from the same explicit start and
 * with the same tol and max_iter. The data are rounded to float once (relative error ≤ 2⁻²⁴ ≈ 6e-8
 * per value); the kernels widen each value to double as they load it and accumulate in double, so
 * the only difference is that rounding of the input. The documented accuracy, which this test
 * asserts: the mean log-likelihood (lower bound) within {@value #LOWER_BOUND} relative, means within
 * {@value #MEANS} of the data's scale, covariances within {@value #COVARIANCES} of their largest
 * entry, and the same number of iterations.
 */
class Float32AccuracyTest {
    // measured on these fixtures: at most 3.2e-8, 3.3e-8 and 3.5e-7; the bounds leave about 3x room
    static final double LOWER_BOUND = 1e-7;
    static final double MEANS = 1e-7;
    static final double COVARIANCES = 1e-6;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> runs() {
        return SklearnParityTest.runs();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("runs")
    void float32StorageStaysWithinTheDocumentedToleranceOfFloat64(String file, int runIndex) {
        Map<String, Object> f = Fixtures.json(file);
        Map<String, Object> start = (Map<String, Object>) f.get("start");
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
        DataMatrix x64 = Fixtures.csv((String) f.get("dataset"));
        DataMatrix x32 = x64.toFloat32();
        GaussianMixture mixture = GaussianMixture.builder()
                .components(((Number) f.get("n_components")).intValue())
                .covarianceType((String) f.get("covariance_type"))
                .regCovar(((Number) f.get("reg_covar")).doubleValue())
                .tol(((Number) run.get("tol")).doubleValue())
                .maxIter(((Number) run.get("max_iter")).intValue())
                .weightsInit(Json.flat(start.get("weights")))
                .meansInit(SklearnParityTest.toMatrix(start.get("means")))
                .precisionsInit(new ShapedArray(Json.shape(start.get("precisions")), Json.flat(start.get("precisions"))))
                .build();
        GaussianMixtureModel m64 = mixture.fit(x64);
        GaussianMixtureModel m32 = mixture.fit(x32);
        String where = file + " run " + runIndex;

        double lb = m64.report().lowerBound();
        double lbError = Math.abs(m32.report().lowerBound() - lb) / Math.max(1, Math.abs(lb));
        double meanError = maxAbsDifference(SklearnParityTest.flatten(m32.means()), SklearnParityTest.flatten(m64.means()))
                / Math.max(1, maxAbs(x64.toArray()));
        double covError = maxAbsDifference(m32.covariances().values(), m64.covariances().values())
                / maxAbs(m64.covariances().values());
        assertThat(m32.report().iterations()).as(where + " iterations").isEqualTo(m64.report().iterations());
        assertThat(lbError).as(where + " lower bound, relative").isLessThanOrEqualTo(LOWER_BOUND);
        assertThat(meanError).as(where + " means, relative to the data's scale").isLessThanOrEqualTo(MEANS);
        assertThat(covError).as(where + " covariances, relative to the largest").isLessThanOrEqualTo(COVARIANCES);
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
