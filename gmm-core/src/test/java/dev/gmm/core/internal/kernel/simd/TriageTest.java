package dev.gmm.core.internal.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.internal.kernel.ScalarKernel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The full-covariance fit pass of the SIMD kernel leaves out the components a row cannot have a share
 * in ({@link Triage}): only those whose share is below {@link EmKernel#NEGLIGIBLE_SHARE}, and with the
 * statistics the scalar reference computes from every component. The mixtures here are separated, as
 * in the speed benchmarks, so that most components are left out; rows come in random order, with
 * random sample weights (which must follow the rows through the sort), and row counts that leave
 * partial blocks and row groups.
 */
class TriageTest {
    private static final ShapedArray NONE = new ShapedArray(new int[] {0}, new double[0]);

    @ParameterizedTest(name = "{0} rows, D {1}, K {2}")
    @CsvSource({"300, 5, 2", "1000, 8, 5", "4098, 16, 16", "777, 17, 7", "2049, 33, 3"})
    void componentsAreLeftOutOnlyWhereTheirShareIsNegligible(int rows, int features, int components) {
        Separated p = Separated.of(rows, features, components, 1, 20);
        double[] ll = new double[rows];
        double[] logResp = new double[rows * components];
        new ScalarKernel().logLikelihoods(p.data, 0, rows, p.state, ll, logResp,
                new ScalarKernel().newWorkspace(components, features));

        VectorWorkspace ws = new VectorWorkspace(components, features);
        ws.mixture.prepare(p.state);
        assertThat(Triage.applies(ws.mixture)).isTrue();
        long leftOut = 0;
        long exact = 0;
        for (int start = 0; start < rows; start += Triage.windowRows(ws.mixture)) {
            int window = Math.min(Triage.windowRows(ws.mixture), rows - start);
            Triage.sortWindow(p.data, start, window, ws);
            for (int first = 0; first < window; first += Lanes.BLOCK) {
                int n = Math.min(Lanes.BLOCK, window - first);
                int len = Lanes.paddedRows(n);
                Triage.takeBlock(first, n, len, ws);
                Triage.logProbabilities(n, len, ws);
                for (int pos = 0; pos < n; pos++) {
                    int row = start + ws.order[pos];
                    for (int k = 0; k < components; k++) {
                        double value = ws.logProb[k * Lanes.STRIDE + pos];
                        double reference = logResp[row * components + k] + ll[row];
                        if (value == Double.NEGATIVE_INFINITY) {
                            leftOut++;
                            assertThat(logResp[row * components + k])
                                    .as("row %d, component %d left out", row, k)
                                    .isLessThan(Math.log(EmKernel.NEGLIGIBLE_SHARE));
                        } else {
                            exact++;
                            assertThat(value).as("row %d, component %d", row, k).isCloseTo(reference,
                                    org.assertj.core.data.Offset.offset(1e-10 * Math.abs(reference)));
                        }
                    }
                }
            }
        }
        // with few components a row group of 32 rows holds most of them; with many, most are left out
        assertThat(leftOut).as("left out (of %d)", leftOut + exact).isGreaterThan(components >= 7 ? exact : 0);
    }

    /**
     * Separated components (spread 20) are triaged throughout; overlapping ones (spread 0.5) leave
     * nothing out, so the pass stops triaging after its first window and runs the rest plainly: the
     * sample weights must follow the rows through both.
     */
    @ParameterizedTest(name = "{0} rows, D {1}, K {2}, means spread {3}")
    @CsvSource({"300, 5, 2, 20", "1000, 8, 5, 20", "4098, 16, 16, 20", "777, 17, 7, 20", "2049, 33, 3, 20",
            "5000, 8, 6, 0.5", "3001, 16, 16, 0.5"})
    void theStatisticsAreTheScalarReferences(int rows, int features, int components, double spread) {
        Separated p = Separated.of(rows, features, components, 2, spread);
        StatisticsAccumulator expected = p.statistics();
        StatisticsAccumulator actual = p.statistics();
        double llScalar = new ScalarKernel().accumulate(p.data, p.weights, 0, rows, p.state, ScatterKind.FULL,
                expected, new ScalarKernel().newWorkspace(components, features));
        double llSimd = new VectorKernel().accumulate(p.data, p.weights, 0, rows, p.state, ScatterKind.FULL, actual,
                new VectorKernel().newWorkspace(components, features));
        assertThat(llSimd).isCloseTo(llScalar, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(llScalar)));
        assertClose("N_k", actual.rawWeights(), expected.rawWeights());
        assertClose("first moments", actual.rawFirstMoments(), expected.rawFirstMoments());
        assertClose("scatter", actual.rawScatter(), expected.rawScatter());
    }

    /**
     * A component of weight zero (log wₖ = −∞) is never anyone's guess and always left out, and many
     * components (K 64) fill the counting sort's buckets: the statistics are still the scalar reference's.
     */
    @ParameterizedTest(name = "{0} rows, D {1}, K {2}")
    @CsvSource({"1500, 8, 6", "3000, 8, 64"})
    void aComponentOfWeightZeroAndManyComponentsChangeNothing(int rows, int features, int components) {
        Separated p = Separated.of(rows, features, components, 3, 20);
        double[] weights = p.mixtureWeights.clone();
        weights[1] = 0;
        double rest = 0;
        for (double w : weights) {
            rest += w;
        }
        for (int k = 0; k < components; k++) {
            weights[k] /= rest;
        }
        MixtureState state = new MixtureState(weights, p.means, p.parameters);
        StatisticsAccumulator expected = p.statistics();
        StatisticsAccumulator actual = p.statistics();
        double llScalar = new ScalarKernel().accumulate(p.data, p.weights, 0, rows, state, ScatterKind.FULL,
                expected, new ScalarKernel().newWorkspace(components, features));
        double llSimd = new VectorKernel().accumulate(p.data, p.weights, 0, rows, state, ScatterKind.FULL, actual,
                new VectorKernel().newWorkspace(components, features));
        assertThat(llSimd).isCloseTo(llScalar, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(llScalar)));
        assertThat(actual.rawWeights()[1]).isZero();
        assertClose("N_k", actual.rawWeights(), expected.rawWeights());
        assertClose("first moments", actual.rawFirstMoments(), expected.rawFirstMoments());
        assertClose("scatter", actual.rawScatter(), expected.rawScatter());
    }

    /** Relative to each array's largest magnitude (signed sums can cancel to near zero). */
    private static void assertClose(String what, double[] actual, double[] expected) {
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: simd %s vs scalar %s", what, i, actual[i],
                    expected[i]).isLessThanOrEqualTo(1e-12 * scale);
        }
    }

    /**
     * Components at random points of [−spread, spread]^D, rows drawn around them (noise of 1 to 3) in
     * random order.
     */
    private record Separated(DataMatrix data, double[] weights, MixtureState state, double[] means,
                             double[] mixtureWeights, CovarianceParameters parameters) {
        static Separated of(int n, int d, int k, long seed, double spread) {
            SplittableRandom r = new SplittableRandom(seed * 1000 + d);
            double[] means = new double[k * d];
            for (int i = 0; i < means.length; i++) {
                means[i] = r.nextDouble(-spread, spread);
            }
            double[] values = new double[n * d];
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(k);
                for (int j = 0; j < d; j++) {
                    values[i * d + j] = means[c * d + j] + r.nextGaussian() * (1 + j % 3);
                }
                weights[i] = r.nextDouble(0.1, 2);
            }
            double[] mixture = new double[k];
            double[][] factors = new double[k][d * d];
            for (int c = 0; c < k; c++) {
                mixture[c] = 1.0 / k;
                for (int a = 0; a < d; a++) {
                    factors[c][a * d + a] = r.nextDouble(0.3, 1.2);
                    for (int b = a + 1; b < d; b++) {
                        factors[c][a * d + b] = r.nextDouble(-0.1, 0.1);
                    }
                }
            }
            var parameters = CovarianceParameters.of(PrecisionForm.UPPER_TRIANGULAR, d, factors, NONE, NONE);
            return new Separated(DataMatrix.wrap(values, n, d), weights, new MixtureState(mixture, means, parameters),
                    means, mixture, parameters);
        }

        StatisticsAccumulator statistics() {
            StatisticsAccumulator s = new StatisticsAccumulator(state.components, state.features, ScatterKind.FULL);
            System.arraycopy(means, 0, s.rawShifts(), 0, means.length);
            return s;
        }
    }
}
