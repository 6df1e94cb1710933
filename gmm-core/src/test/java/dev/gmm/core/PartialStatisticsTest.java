package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Partial statistics are the public, mergeable form of an EM iteration: one block holding every row
 * gives exactly what a fit computes; blocks merged in a fixed order agree with it to rounding and
 * reproduce themselves bit for bit; the flat codec round-trips; EM driven through partials follows
 * the fit iteration by iteration.
 */
class PartialStatisticsTest {

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void one_block_of_every_row_gives_the_fits_own_iteration_bit_for_bit(String type) {
        GaussianMixture config = fixtureConfig("blobs5d-" + type + ".json");
        DataMatrix x = Fixtures.csv("blobs5d.csv");
        GaussianMixtureModel start = config.toBuilder().maxIter(0).build().fit(x);
        GaussianMixtureModel fitted = config.toBuilder().maxIter(1).build().fit(x);

        PartialStatistics all = PartialStatistics.accumulate(start, x, null);
        if (all.needsSecondPass(config.regCovar())) {
            all = PartialStatistics.accumulate(start, all.means(), x, null);
        }
        GaussianMixtureModel next = all.maximize(config.regCovar(), fitted.report());
        assertThat(all.logLikelihood() / all.totalWeight()).isEqualTo(fitted.report().lowerBound());
        assertThat(next.weights()).isEqualTo(fitted.weights());
        assertThat(next.means()).isDeepEqualTo(fitted.means());
        assertThat(next.covariances().values()).isEqualTo(fitted.covariances().values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void em_through_partials_of_three_blocks_follows_the_fit(String type) {
        GaussianMixture config = fixtureConfig("aniso2d-" + type + ".json").toBuilder().tol(1e-10).maxIter(200).build();
        DataMatrix x = Fixtures.csv("aniso2d.csv");
        GaussianMixtureModel reference = config.fit(x);
        List<DataMatrix> blocks = List.of(x.rowRange(0, 100), x.rowRange(100, 250), x.rowRange(250, x.rows()));

        GaussianMixtureModel model = config.toBuilder().maxIter(0).build().fit(x);
        double previous = Double.NEGATIVE_INFINITY;
        int iterations = 0;
        List<Double> trace = new ArrayList<>();
        for (int iter = 1; iter <= config.maxIter(); iter++) {
            PartialStatistics total = sum(model, null, blocks);
            if (total.needsSecondPass(config.regCovar())) {
                total = sum(model, total.means(), blocks);
            }
            double bound = total.logLikelihood() / total.totalWeight();
            trace.add(bound);
            model = total.maximize(config.regCovar(), model.report());
            iterations = iter;
            if (Math.abs(bound - previous) < config.tol()) {
                break;
            }
            previous = bound;
        }
        assertThat(iterations).as("n_iter").isEqualTo(reference.report().iterations());
        double[] expected = reference.report().lowerBoundTrace();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(trace.get(i) - expected[i])).as("lower bound at iteration %d", i + 1)
                    .isLessThanOrEqualTo(1e-12 * Math.abs(expected[i]));
        }
        double[] a = model.covariances().values();
        double[] b = reference.covariances().values();
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i])).isLessThanOrEqualTo(1e-10 * Math.abs(b[i]));
        }
    }

    @Test
    void merging_in_a_fixed_order_is_reproducible_and_the_flat_codec_round_trips() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(x);
        List<DataMatrix> blocks = List.of(x.rowRange(0, 40), x.rowRange(40, 41), x.rowRange(41, x.rows()));
        double[] once = sum(model, null, blocks).toArray();
        double[] again = sum(model, null, blocks).toArray();
        assertThat(again).isEqualTo(once);

        PartialStatistics back = PartialStatistics.fromArray("full", once);
        assertThat(back.toArray()).isEqualTo(once);
        assertThat(back.maximize(1e-6, model.report()).means()).isDeepEqualTo(
                PartialStatistics.fromArray("full", once).maximize(1e-6, model.report()).means());
    }

    @Test
    void a_block_of_a_large_pass_runs_the_kernel_chosen_for_the_whole_pass() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(x);
        PartialStatistics asScalar = withKernel("scalar", () -> PartialStatistics.accumulate(model, x, null));
        PartialStatistics asSimd = withKernel("simd", () -> PartialStatistics.accumulate(model, x, null));

        // 150 rows alone run the scalar kernel; as one block of a pass of 10 million rows, the SIMD one
        double[][] means = model.means();
        assertThat(asSimd.toArray()).as("the two kernels round differently here").isNotEqualTo(asScalar.toArray());
        assertThat(withKernel("auto", () -> PartialStatistics.accumulate(model, means, x, null, x.rows())).toArray())
                .isEqualTo(asScalar.toArray());
        assertThat(withKernel("auto", () -> PartialStatistics.accumulate(model, means, x, null, 10_000_000L)).toArray())
                .isEqualTo(asSimd.toArray());
        assertThatThrownBy(() -> PartialStatistics.accumulate(model, means, x, null, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passRows is 100 but the block alone has 150");
    }

    private static PartialStatistics withKernel(String kernel, java.util.function.Supplier<PartialStatistics> work) {
        String before = System.getProperty("gmm.kernel");
        System.setProperty("gmm.kernel", kernel);
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty("gmm.kernel");
            } else {
                System.setProperty("gmm.kernel", before);
            }
        }
    }

    @Test
    void partials_that_do_not_belong_together_are_refused() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(x);
        PartialStatistics a = PartialStatistics.accumulate(model, x.rowRange(0, 50), null);
        PartialStatistics b = PartialStatistics.accumulate(model, a.means(), x.rowRange(50, 100), null);
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different shifts");
        assertThatThrownBy(() -> PartialStatistics.fromArray("diag", a.toArray()))
                .hasMessageContaining("FULL statistics but 'diag' needs DIAGONAL");
        double[] cut = java.util.Arrays.copyOf(a.toArray(), 20);
        assertThatThrownBy(() -> PartialStatistics.fromArray("full", cut)).hasMessageContaining("not 20");
        assertThatThrownBy(() -> PartialStatistics.accumulate(model, DataMatrix.of(new double[][] {{1, 2}}), null))
                .hasMessageContaining("2 columns but the model 4 features");
    }

    private static PartialStatistics sum(GaussianMixtureModel model, double[][] shifts, List<DataMatrix> blocks) {
        PartialStatistics total = null;
        for (DataMatrix block : blocks) {
            PartialStatistics p = shifts == null ? PartialStatistics.accumulate(model, block, null)
                    : PartialStatistics.accumulate(model, shifts, block, null);
            total = p.mergedInto(total);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private static GaussianMixture fixtureConfig(String file) {
        Map<String, Object> f = Fixtures.json(file);
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(0);
        return SklearnParityTest.configOf(f, run);
    }
}
