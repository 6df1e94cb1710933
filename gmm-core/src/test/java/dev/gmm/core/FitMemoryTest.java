package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fit keeps no N×K matrix: besides the data, which it does not copy, it needs O(K·D²) per thread
 * (mixture parameters, statistics, one block of scratch) and the per-chunk statistics of the ordered
 * reduction (at most 64 chunks, whatever N). Measured as the bytes the fitting thread allocates (one
 * thread, so every pass runs on the caller) from an explicit start — an initializer such as k-means
 * adds O(N) for its labels — over a 10-iteration fit of 100 000 rows and 16 components, where a
 * single N×K matrix of doubles would be 12.8 MB; the bound is an eighth of that. Measured: 0.2 to
 * 0.6 MB, under both kernels and
 * for float32 storage too. It also guards the SIMD kernel against boxing: a vector that C2 fails to
 * keep in registers is allocated on every use, which once cost 77 MB per fit here.
 */
class FitMemoryTest {
    static final int ROWS = 100_000;
    static final int FEATURES = 3;
    static final int COMPONENTS = 16;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"full, float64", "tied, float64", "diag, float64", "spherical, float64",
                "full, float32", "tied, float32", "diag, float32", "spherical, float32"})
    void aFitAllocatesFarLessThanOneRowsByComponentsMatrix(String covariance, String storage) {
        DataMatrix x = storage.equals("float32") ? randomData().toFloat32() : randomData();
        GaussianMixture mixture = GaussianMixture.builder()
                .components(COMPONENTS)
                .covarianceType(covariance)
                .threads(1)
                .tol(0)
                .maxIter(10)
                .weightsInit(uniformWeights())
                .meansInit(firstRows(x))
                .precisionsInit(EmBehaviourTest.identityPrecisions(covariance, COMPONENTS, FEATURES))
                .build();
        mixture.fit(x); // warm up: class loading, and Vector API code that C2 has not compiled yet, allocate too

        long before = allocatedByThisThread();
        GaussianMixtureModel model = mixture.fit(x);
        long allocated = allocatedByThisThread() - before;

        long rowsByComponents = (long) ROWS * COMPONENTS * Double.BYTES;
        assertThat(model.report().iterations()).isEqualTo(10);
        assertThat(allocated).as("bytes allocated by a %s fit on %s data", covariance, storage).isLessThan(rowsByComponents / 8);
    }

    /**
     * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes, reached reflectively: the tests
     * run inside module dev.gmm.core, which reads only java.base (Surefire adds jdk.management to
     * the module graph), and reflection needs no readability.
     */
    private static long allocatedByThisThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this JVM cannot count allocated bytes", e);
        }
    }

    private static DataMatrix randomData() {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[ROWS * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() + (i / FEATURES % COMPONENTS) * 3;
        }
        return DataMatrix.wrap(values, ROWS, FEATURES);
    }

    private static double[] uniformWeights() {
        double[] w = new double[COMPONENTS];
        java.util.Arrays.fill(w, 1.0 / COMPONENTS);
        return w;
    }

    private static double[][] firstRows(DataMatrix x) {
        double[][] means = new double[COMPONENTS][FEATURES];
        for (int k = 0; k < COMPONENTS; k++) {
            for (int j = 0; j < FEATURES; j++) {
                means[k][j] = x.get(k, j);
            }
        }
        return means;
    }
}
