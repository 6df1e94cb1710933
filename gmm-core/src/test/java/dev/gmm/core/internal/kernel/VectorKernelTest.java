package dev.gmm.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.internal.StatisticsAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernel computes what the scalar reference computes, to rounding, for every precision
 * form and scatter kind, on shapes whose row counts leave ragged tails in every block: to double
 * rounding for float64 data, to float rounding for float32 data (which the SIMD kernel runs in float
 * arithmetic and the scalar reference widens to double). Loading the
 * SIMD kernel is part of the specification: if it cannot load (surefire adds jdk.incubator.vector),
 * these tests fail rather than skip.
 */
class VectorKernelTest {
    /** Kernels read only the factors: the reported covariances and Cholesky factors are left empty. */
    private static final dev.gmm.core.ShapedArray NO_VALUES = new dev.gmm.core.ShapedArray(new int[] {0}, new double[0]);
    private static final double TOLERANCE = 1e-10;
    /**
     * Float32 data run the SIMD kernel's float32 mode (float products, double accumulation across
     * blocks) while the scalar reference widens them to double: they agree to float rounding.
     * Measured on these cases, relative to each array's largest magnitude: log-likelihoods 1.5e-7,
     * log-responsibilities 1.0e-6, Nₖ 1.1e-6, first moments 1.5e-6, scatter 1.4e-6 (the summed
     * log-likelihood 1.7e-8); the bound leaves about 3x room.
     */
    private static final double FLOAT32_TOLERANCE = 5e-6;
    private static final int[] ROWS = {1, 7, 13, 207, 4098};

    private static EmKernel simd;
    private static final EmKernel SCALAR = new ScalarKernel();

    @BeforeAll
    static void loadSimdKernel() {
        simd = Kernels.simd();
    }

    @Test
    void isNamedAfterItsLaneCount() {
        assertThat(simd.name()).matches("simd-\\d+");
    }

    record Case(int rows, int features, int components, PrecisionForm form, ScatterKind kind, boolean float32,
                boolean weighted, long seed) {
    }

    static Stream<Arguments> cases() {
        SplittableRandom random = new SplittableRandom(20261122);
        List<Arguments> out = new ArrayList<>();
        int[] dims = {1, 2, 3, 5, 8, 16, 17, 33, 70};
        int[] ks = {1, 2, 3, 7, 16, 20};
        for (PrecisionForm form : PrecisionForm.values()) {
            for (ScatterKind kind : ScatterKind.values()) {
                for (int n : ROWS) {
                    int d = dims[random.nextInt(dims.length)];
                    int k = ks[random.nextInt(ks.length)];
                    if (n > 1000) {
                        // keep the scalar reference quick on the largest blocks
                        d = Math.min(d, 24);
                        k = Math.min(k, 8);
                    }
                    out.add(Arguments.of(new Case(n, d, k, form, kind, random.nextInt(4) == 0,
                            random.nextBoolean(), random.nextLong())));
                }
            }
            // the extremes of the stated range, once per form
            out.add(Arguments.of(new Case(13, 70, 20, form, ScatterKind.FULL, false, true, 7L)));
            out.add(Arguments.of(new Case(207, 1, 1, form, ScatterKind.DIAGONAL, true, false, 8L)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void logLikelihoodsAndResponsibilitiesMatchTheScalarReference(Case c) {
        Problem p = Problem.random(c);
        int n = c.rows();
        double[] llScalar = new double[n];
        double[] llSimd = new double[n];
        double[] lrScalar = new double[n * c.components()];
        double[] lrSimd = new double[n * c.components()];
        SCALAR.logLikelihoods(p.data, 0, n, p.state, llScalar, lrScalar,
                SCALAR.newWorkspace(c.components(), c.features()));
        simd.logLikelihoods(p.data, 0, n, p.state, llSimd, lrSimd, simd.newWorkspace(c.components(), c.features()));
        assertClose("log-likelihood", llSimd, llScalar, tolerance(c));
        assertClose("log-responsibility", lrSimd, lrScalar, tolerance(c));
    }

    /** Double data must match the scalar reference to double rounding, float32 data to float rounding. */
    private static double tolerance(Case c) {
        return c.float32() ? FLOAT32_TOLERANCE : TOLERANCE;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sufficientStatisticsMatchTheScalarReference(Case c) {
        Problem p = Problem.random(c);
        int n = c.rows();
        // an offset range checks that from/to are honoured
        int from = n > 2 ? 1 : 0;
        StatisticsAccumulator expected = p.statistics(c.kind());
        StatisticsAccumulator actual = p.statistics(c.kind());
        double llScalar = SCALAR.accumulate(p.data, p.weights, from, n, p.state, c.kind(), expected,
                SCALAR.newWorkspace(c.components(), c.features()));
        double llSimd = simd.accumulate(p.data, p.weights, from, n, p.state, c.kind(), actual,
                simd.newWorkspace(c.components(), c.features()));
        assertThat(llSimd).isCloseTo(llScalar,
                org.assertj.core.data.Offset.offset(tolerance(c) * Math.max(1, Math.abs(llScalar))));
        assertThat(actual.totalWeight()).isCloseTo(expected.totalWeight(),
                org.assertj.core.data.Offset.offset(TOLERANCE * expected.totalWeight()));
        assertClose("N_k", actual.rawWeights(), expected.rawWeights(), tolerance(c));
        assertClose("first moments", actual.rawFirstMoments(), expected.rawFirstMoments(), tolerance(c));
        assertClose("scatter", actual.rawScatter(), expected.rawScatter(), tolerance(c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nearestCentresAreBitIdenticalToTheScalarReference(Case c) {
        Problem p = Problem.random(c);
        int n = c.rows();
        int k = c.components();
        int from = n > 2 ? 1 : 0;
        int[] labelsScalar = new int[n];
        int[] labelsSimd = new int[n];
        double[] distScalar = new double[n];
        double[] distSimd = new double[n];
        SCALAR.nearestCentres(p.data, from, n, p.means, k, labelsScalar, distScalar, SCALAR.newWorkspace(k, c.features()));
        simd.nearestCentres(p.data, from, n, p.means, k, labelsSimd, distSimd, simd.newWorkspace(k, c.features()));
        assertThat(labelsSimd).containsExactly(labelsScalar);
        assertThat(distSimd).containsExactly(distScalar);
    }

    @Test
    void nearestCentreTiesGoToTheLowestIndex() {
        DataMatrix data = DataMatrix.wrap(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, 1);
        double[] centres = {5, 5, -5, 5};
        int[] labels = new int[10];
        double[] distances = new double[10];
        simd.nearestCentres(data, 0, 10, centres, 4, labels, distances, simd.newWorkspace(4, 1));
        assertThat(labels).containsOnly(0);
        assertThat(distances[0]).isEqualTo(25.0);
    }

    @ParameterizedTest
    @MethodSource("tiedShapes")
    void aSharedFactorGivesWhatSeparateCopiesGive(int rows, int features, int components, boolean float32) {
        Case c = new Case(rows, features, components, PrecisionForm.UPPER_TRIANGULAR, ScatterKind.POOLED, float32,
                true, 11L + features);
        Problem p = Problem.random(c);
        double[][] shared = new double[components][];
        double[] weights = new double[components];
        for (int k = 0; k < components; k++) {
            shared[k] = p.state.factors[0];
            weights[k] = 1.0 / components;
        }
        var parameters = CovarianceParameters.of(PrecisionForm.UPPER_TRIANGULAR, features, shared, NO_VALUES, NO_VALUES);
        MixtureState tied = new MixtureState(weights, p.means, parameters);
        assertThat(tied.sharedFactor).isTrue();
        double[] llScalar = new double[rows];
        double[] llSimd = new double[rows];
        double[] lrScalar = new double[rows * components];
        double[] lrSimd = new double[rows * components];
        SCALAR.logLikelihoods(p.data, 0, rows, tied, llScalar, lrScalar, SCALAR.newWorkspace(components, features));
        simd.logLikelihoods(p.data, 0, rows, tied, llSimd, lrSimd, simd.newWorkspace(components, features));
        assertClose("log-likelihood", llSimd, llScalar, tolerance(c));
        assertClose("log-responsibility", lrSimd, lrScalar, tolerance(c));
        StatisticsAccumulator expected = p.statistics(ScatterKind.POOLED);
        StatisticsAccumulator actual = p.statistics(ScatterKind.POOLED);
        SCALAR.accumulate(p.data, p.weights, 0, rows, tied, ScatterKind.POOLED, expected,
                SCALAR.newWorkspace(components, features));
        simd.accumulate(p.data, p.weights, 0, rows, tied, ScatterKind.POOLED, actual,
                simd.newWorkspace(components, features));
        assertClose("pooled scatter", actual.rawScatter(), expected.rawScatter(), tolerance(c));
        assertClose("first moments", actual.rawFirstMoments(), expected.rawFirstMoments(), tolerance(c));
    }

    static Stream<Arguments> tiedShapes() {
        return Stream.of(Arguments.of(13, 3, 2, false), Arguments.of(207, 17, 7, false), Arguments.of(300, 1, 3, false),
                Arguments.of(41, 70, 20, false), Arguments.of(207, 17, 7, true), Arguments.of(300, 1, 3, true));
    }

    @Test
    void accumulatesOntoExistingSumsAcrossCalls() {
        Problem p = Problem.random(new Case(300, 5, 3, PrecisionForm.UPPER_TRIANGULAR, ScatterKind.FULL, false, false, 3));
        StatisticsAccumulator whole = p.statistics(ScatterKind.FULL);
        StatisticsAccumulator split = p.statistics(ScatterKind.FULL);
        var ws = simd.newWorkspace(3, 5);
        double a = simd.accumulate(p.data, null, 0, 300, p.state, ScatterKind.FULL, whole, ws);
        double b = simd.accumulate(p.data, null, 0, 131, p.state, ScatterKind.FULL, split, ws)
                + simd.accumulate(p.data, null, 131, 300, p.state, ScatterKind.FULL, split, ws);
        assertThat(b).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(a)));
        assertThat(split.totalWeight()).isEqualTo(300.0);
        assertClose("scatter", split.rawScatter(), whole.rawScatter(), TOLERANCE);
    }

    /**
     * Element-wise agreement relative to the array's largest magnitude: sums of signed terms (first
     * moments, off-diagonal scatter) can cancel to near zero, where a per-element relative error
     * measures only the summation order.
     */
    private static void assertClose(String what, double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.isFinite(actual[i])).as(what + "[" + i + "] finite").isTrue();
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as(what + "[" + i + "]: simd " + actual[i] + " vs scalar " + expected[i])
                    .isLessThanOrEqualTo(tolerance * scale);
        }
    }

    /** Random data far from the origin and a random mixture near it. */
    private record Problem(DataMatrix data, double[] weights, MixtureState state, double[] means) {
        static Problem random(Case c) {
            SplittableRandom r = new SplittableRandom(c.seed());
            int n = c.rows();
            int d = c.features();
            int k = c.components();
            double[] values = new double[n * d];
            for (int i = 0; i < values.length; i++) {
                values[i] = 3 + 2 * r.nextDouble(-1, 1);
            }
            DataMatrix data;
            if (c.float32()) {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                data = DataMatrix.wrapFloat(f, n, d);
            } else {
                data = DataMatrix.wrap(values, n, d);
            }
            double[] sampleWeights = null;
            if (c.weighted()) {
                sampleWeights = new double[n];
                for (int i = 0; i < n; i++) {
                    sampleWeights[i] = r.nextDouble(0.1, 2);
                }
            }
            double[] mixtureWeights = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                mixtureWeights[j] = r.nextDouble(0.2, 1);
                sum += mixtureWeights[j];
            }
            for (int j = 0; j < k; j++) {
                mixtureWeights[j] /= sum;
            }
            double[] means = new double[k * d];
            for (int i = 0; i < means.length; i++) {
                means[i] = 3 + r.nextDouble(-1, 1);
            }
            double[][] factors = new double[k][];
            double[][] covariances = new double[k][d * d];
            for (int j = 0; j < k; j++) {
                if (c.form() == PrecisionForm.DIAGONAL) {
                    factors[j] = new double[d];
                    for (int a = 0; a < d; a++) {
                        factors[j][a] = r.nextDouble(0.3, 1.5);
                    }
                } else {
                    factors[j] = new double[d * d];
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            // the lower triangle holds garbage the kernels must ignore
                            factors[j][a * d + b] = b == a ? r.nextDouble(0.3, 1.5)
                                    : b > a ? r.nextDouble(-0.3, 0.3) / Math.sqrt(d) : 1e6;
                        }
                    }
                }
            }
            var parameters = CovarianceParameters.of(c.form(), d, factors, NO_VALUES, NO_VALUES);
            return new Problem(data, sampleWeights, new MixtureState(mixtureWeights, means, parameters), means);
        }

        StatisticsAccumulator statistics(ScatterKind kind) {
            StatisticsAccumulator s = new StatisticsAccumulator(state.components, state.features, kind);
            System.arraycopy(means, 0, s.rawShifts(), 0, means.length);
            return s;
        }
    }
}
