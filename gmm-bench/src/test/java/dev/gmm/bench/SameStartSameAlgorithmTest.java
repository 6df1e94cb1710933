package dev.gmm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import java.io.IOException;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side timings only mean something if every peer does the same work: the same EM
 * iterations from the same start. On W1 each peer's parameters after two iterations must equal gmm's.
 * (Smile's side is {@link SmileSameStartTest}: it needs OpenBLAS.)
 */
class SameStartSameAlgorithmTest {

    static final int ITERATIONS = 2;
    /**
     * The peers sum and factor in other orders (Smile's log-sum-exp and covariance update, Commons Math's
     * densities), so they agree to rounding, 1e-9 to 1e-7 relative on W1; one iteration more or less, or
     * another start, moves these values by 1e-4 and more (the Smile test checks that control).
     */
    static final org.assertj.core.data.Offset<Double> ROUNDING = org.assertj.core.data.Offset.offset(1e-7);
    private static final org.assertj.core.data.Percentage RELATIVE_ROUNDING =
            org.assertj.core.data.Percentage.withPercentage(1e-4);
    private static Workload w1;
    private static double[][] rows;

    @BeforeAll
    static void load() throws IOException {
        w1 = Workload.load("W1");
        rows = w1.data().toArray();
    }

    static GaussianMixtureModel gmm(String covariance, int iterations) {
        EmIterationBenchmark benchmark = new EmIterationBenchmark();
        benchmark.workload = "W1";
        benchmark.covariance = covariance;
        benchmark.iterations = iterations;
        benchmark.threads = 2;
        try {
            benchmark.setUp();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return benchmark.scalar(); // the fit itself checks that exactly `iterations` ran
    }

    @Test
    void commonsMathRunsOneIterationMoreThanItsCapAndMatchesGmm() {
        // maxIterations = ITERATIONS − 1 gives ITERATIONS EM iterations in Commons Math's loop
        var em = new MultivariateNormalMixtureExpectationMaximization(rows);
        try {
            em.fit(CommonsMathBenchmark.startOf(w1), ITERATIONS - 1, Double.MIN_VALUE);
        } catch (ConvergenceException expected) {
            // the cap, not convergence, ends the loop
        }
        GaussianMixtureModel reference = gmm("full", ITERATIONS);

        var components = em.getFittedModel().getComponents();
        for (int c = 0; c < reference.components(); c++) {
            MultivariateNormalDistribution gaussian = components.get(c).getSecond();
            assertThat(components.get(c).getFirst()).as("weight %d", c)
                    .isCloseTo(reference.weights()[c], ROUNDING);
            for (int j = 0; j < reference.features(); j++) {
                assertThat(gaussian.getMeans()[j]).as("mean %d,%d", c, j)
                        .isCloseTo(reference.means()[c][j], RELATIVE_ROUNDING);
            }
        }
        assertThat(CommonsMathBenchmark.fit(rows, CommonsMathBenchmark.startOf(w1), 1)).isFinite();
    }

    @Test
    void gmmsBenchmarkRunsOneIterationOfEveryCovarianceOnTheSharedStart() throws IOException {
        // in this JVM both methods use the kernel gmm picks; JMH's forks pin them with -Dgmm.kernel
        for (String covariance : new String[] {"full", "diag"}) {
            EmIterationBenchmark benchmark = new EmIterationBenchmark();
            benchmark.workload = "W1";
            benchmark.covariance = covariance;
            benchmark.iterations = 1;
            benchmark.threads = 1;
            benchmark.setUp();
            assertThat(benchmark.simd().report().iterations()).isEqualTo(1);
            assertThat(benchmark.scalar().report().iterations()).isEqualTo(1);
        }
    }
}
