package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A start computed on a seeded sample of rows: the sample is uniform, ordered and reproducible; a
 * sample of every row is the ordinary start; a small sample of a large mixture starts EM into the
 * same optimum as the start on every row.
 */
class SampledStartTest {

    @Test
    void theSampleHoldsDistinctRowsInOrderAndTheSameSeedDrawsTheSameRows() {
        int[] rows = SampledStart.sampleIndices(10_000, 500, 3);
        assertThat(rows).hasSize(500).isSorted().doesNotHaveDuplicates();
        assertThat(rows[0]).isGreaterThanOrEqualTo(0);
        assertThat(rows[499]).isLessThan(10_000);
        assertThat(SampledStart.sampleIndices(10_000, 500, 3)).isEqualTo(rows);
        assertThat(SampledStart.sampleIndices(10_000, 500, 4)).isNotEqualTo(rows);
        assertThat(SampledStart.sampleIndices(7, 500, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void everyRowIsEquallyLikelyToBeDrawn() {
        int[] counts = new int[10];
        for (long seed = 0; seed < 2_000; seed++) {
            for (int row : SampledStart.sampleIndices(10, 3, seed)) {
                counts[row]++;
            }
        }
        // 600 draws expected per row; 5 standard deviations of a binomial(2000, 0.3) is about 100
        for (int count : counts) {
            assertThat(count).isBetween(500, 700);
        }
    }

    @Test
    void aSampleOfEveryRowGivesTheStartOfTheWholeData() {
        DataMatrix x = OnlineGaussianMixtureTest.knownMixture(3_000, 3, 4, 5);
        GaussianMixture config = GaussianMixture.builder().components(4).seed(6).build();
        GaussianMixtureModel start = config.toBuilder().maxIter(0).build().fit(x);

        GaussianMixture sampled = SampledStart.of(config, x, 3_000);

        assertThat(sampled.weightsInit()).isEqualTo(start.weights());
        assertThat(sampled.meansInit()).isDeepEqualTo(start.means());
        assertThat(sampled.precisionsInit().values()).isEqualTo(start.precisions().values());
        assertThat(sampled.nInit()).isEqualTo(1);
    }

    @Test
    void aSmallSampleStartsEmIntoTheOptimumOfTheFullStart() {
        DataMatrix x = OnlineGaussianMixtureTest.knownMixture(100_000, 4, 5, 8);
        GaussianMixture config = GaussianMixture.builder().components(5).covarianceType("diag").seed(2).build();
        double full = config.fit(x).report().lowerBound();
        double fromSample = SampledStart.of(config, x, 5_000).fit(x).report().lowerBound();
        assertThat(fromSample).isCloseTo(full, within(1e-3 * Math.abs(full)));
    }

    @Test
    void anExplicitStartIsKeptAndATooSmallSampleRefused() {
        DataMatrix x = OnlineGaussianMixtureTest.knownMixture(100, 2, 2, 1);
        GaussianMixture explicit = GaussianMixture.builder().components(2).weightsInit(new double[] {0.5, 0.5})
                .meansInit(new double[][] {{0, 0}, {1, 1}}).precisionsInit(new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}})
                .build();
        assertThat(SampledStart.of(explicit, x, 10)).isSameAs(explicit);
        GaussianMixture config = GaussianMixture.builder().components(3).build();
        assertThatThrownBy(() -> SampledStart.of(config, x, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampleRows = 2").hasMessageContaining("3 components");
    }
}
