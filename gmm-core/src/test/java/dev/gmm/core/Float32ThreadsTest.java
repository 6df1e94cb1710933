package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Float32 fits are as reproducible as float64 ones: bit-identical on 1, 2 and 8 threads for every
 * covariance type. The float32 mode sums in float only within a block of rows, and the blocks, the
 * chunks and their reduction order depend on the row count alone, never on the thread count.
 */
class Float32ThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void float32FitsAreBitIdenticalOnOneTwoAndEightThreads(String covarianceType) {
        SplittableRandom random = new SplittableRandom(7);
        int n = 40_001; // ragged chunks and blocks
        int d = 6;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + (i / d % 3) * 4 + 100);
        }
        DataMatrix data = DataMatrix.wrapFloat(x, n, d);
        GaussianMixtureModel one = fit(covarianceType, 1, data);
        for (GaussianMixtureModel other : List.of(fit(covarianceType, 2, data), fit(covarianceType, 8, data))) {
            assertThat(other.means()).isDeepEqualTo(one.means());
            assertThat(other.covariances()).isEqualTo(one.covariances());
            assertThat(other.weights()).containsExactly(one.weights());
            assertThat(other.report().lowerBound()).isEqualTo(one.report().lowerBound());
        }
    }

    private static GaussianMixtureModel fit(String covarianceType, int threads, DataMatrix data) {
        return GaussianMixture.builder().components(4).covarianceType(covarianceType).threads(threads).maxIter(5)
                .tol(0).seed(3).build().fit(data);
    }
}
