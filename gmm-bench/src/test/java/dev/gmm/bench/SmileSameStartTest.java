package dev.gmm.bench;

import static dev.gmm.bench.SameStartSameAlgorithmTest.ITERATIONS;
import static dev.gmm.bench.SameStartSameAlgorithmTest.ROUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gmm.core.GaussianMixtureModel;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;

/**
 * Smile's side of {@link SameStartSameAlgorithmTest}: from the shared start, Smile's EM reaches gmm's
 * parameters after two iterations.
 *
 * <p>Smile's Gaussian mixture calls OpenBLAS through the FFM API, and OpenBLAS is a system library
 * (Debian: {@code apt-get install libopenblas-dev}), not something Maven can fetch. Where
 * {@code libopenblas.so} cannot be opened these tests are skipped, and say why; the benchmark
 * itself needs the library too (gmm-bench/README.md).
 */
class SmileSameStartTest {
    private static final boolean OPEN_BLAS_LOADS = openBlasLoads();
    private static double[][] rows;
    private static Workload w1;

    @BeforeAll
    static void load() throws IOException {
        w1 = Workload.load("W1");
        rows = w1.data().toArray();
    }

    /** Per test, so each is reported as skipped with the reason. */
    @BeforeEach
    void requireOpenBlas() {
        assumeTrue(OPEN_BLAS_LOADS, "libopenblas.so cannot be opened: Smile's EM needs it "
                + "(apt-get install libopenblas-dev)");
    }

    private static boolean openBlasLoads() {
        try {
            SymbolLookup.libraryLookup("libopenblas.so", Arena.global());
            return true;
        } catch (IllegalArgumentException | IllegalCallerException notThere) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "diag"})
    void smileFromTheSharedStartReachesGmmsParameters(String covariance) {
        GaussianMixtureModel reference = SameStartSameAlgorithmTest.gmm(covariance, ITERATIONS);
        var start = SmileBenchmark.startOf(w1, covariance);

        MultivariateExponentialFamilyMixture smile = SmileBenchmark.fit(rows, start, ITERATIONS);

        // Smile's full M-step multiplies the covariance diagonal by 1.00001, a fixed ridge it always adds
        // (the first iteration's ridge also nudges the second's responsibilities: hence 2e-5, not rounding)
        double smileRidge = covariance.equals("full") ? 1.00001 : 1;
        for (int c = 0; c < reference.components(); c++) {
            var gaussian = (MultivariateGaussianDistribution) smile.components[c].distribution();
            assertThat(gaussian.diagonal).as("Smile's component kind").isEqualTo(covariance.equals("diag"));
            assertThat(smile.components[c].priori()).as("weight %d", c).isCloseTo(reference.weights()[c], ROUNDING);
            for (int j = 0; j < reference.features(); j++) {
                assertThat(gaussian.sigma.get(j, j)).as("variance %d,%d", c, j)
                        .isCloseTo(reference.covariance(c)[j][j] * smileRidge,
                                org.assertj.core.data.Percentage.withPercentage(2e-3));
            }
        }
        assertThat(largestRelativeMeanGap(smile, reference)).isLessThan(1e-6);
        // the control: one iteration more is far outside that tolerance
        assertThat(largestRelativeMeanGap(SmileBenchmark.fit(rows, start, ITERATIONS + 1), reference))
                .isGreaterThan(1e-4);
    }

    private static double largestRelativeMeanGap(MultivariateExponentialFamilyMixture smile,
                                                 GaussianMixtureModel reference) {
        double gap = 0;
        for (int c = 0; c < reference.components(); c++) {
            double[] mu = ((MultivariateGaussianDistribution) smile.components[c].distribution()).mu;
            for (int j = 0; j < mu.length; j++) {
                double expected = reference.means()[c][j];
                gap = Math.max(gap, Math.abs(mu[j] - expected) / Math.max(1, Math.abs(expected)));
            }
        }
        return gap;
    }

    @Test
    void smileRunsExactlyTheIterationsItIsGiven() {
        var start = SmileBenchmark.startOf(w1, "full");
        double one = SmileBenchmark.fit(rows, start, 1).L;
        double three = SmileBenchmark.fit(rows, start, 3).L;
        // EM never lowers the likelihood, and a third iteration from this start still moves it
        assertThat(three).isGreaterThan(one);
        assertThat(SmileBenchmark.fit(rows, start, 3).L).as("the start array is not consumed").isEqualTo(three);
    }

}
