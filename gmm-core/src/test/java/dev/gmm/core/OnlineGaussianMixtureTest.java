package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Online EM as a session: batches in, immutable snapshots out; the blend behind it moves sums between
 * shifts exactly; one pass over a known mixture lands within 0.5 % of batch EM's mean
 * log-likelihood (the scaled-down form of the 10M-row benchmark, gmm-bench/scripts/online-em.sh).
 */
class OnlineGaussianMixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void blendingWithStepZeroMovesTheSumsToTheOtherShiftsAsIfTakenThere(String type) {
        DataMatrix x = OffHeapDataMatrixTest.mixture(600, 3, 3, false);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covarianceType(type).maxIter(2).build().fit(x);
        GaussianMixtureModel later = GaussianMixture.builder().components(3).covarianceType(type).maxIter(8).build().fit(x);
        PartialStatistics aroundModel = PartialStatistics.accumulate(model, x, null);
        PartialStatistics aroundLater = PartialStatistics.accumulate(model, later.means(), x, null);

        PartialStatistics moved = aroundModel.blend(1, aroundLater, 0);

        double[] expected = aroundLater.toArray();
        double[] actual = moved.toArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d of %s", i, type).isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void blendingWeighsBothSidesAndRefusesNegativeFactors() {
        DataMatrix x = OffHeapDataMatrixTest.mixture(300, 2, 2, false);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).maxIter(3).build().fit(x);
        PartialStatistics s = PartialStatistics.accumulate(model, x, null);
        PartialStatistics doubled = s.blend(0.5, s, 1.5);
        assertThat(doubled.totalWeight()).isEqualTo(2 * s.totalWeight());
        assertThat(doubled.logLikelihood()).isCloseTo(2 * s.logLikelihood(), within(1e-9 * Math.abs(s.logLikelihood())));
        assertThatThrownBy(() -> s.blend(-0.1, s, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep = -0.1");
        assertThatThrownBy(() -> s.blend(1, s, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "diag"})
    void onePassInBatchesComesWithinHalfAPercentOfBatchEm(String type) {
        DataMatrix x = knownMixture(200_000, 4, 5, 3);
        GaussianMixture config = GaussianMixture.builder().components(5).covarianceType(type).seed(1).build();
        double batchEm = config.fit(x).score(x);

        OnlineGaussianMixture session = OnlineGaussianMixture.of(config);
        GaussianMixtureModel snapshot = null;
        for (int from = 0; from < x.rows(); from += 2_000) {
            snapshot = session.partialFit(x.rowRange(from, from + 2_000));
        }

        assertThat(session.batches()).isEqualTo(100);
        assertThat(session.rowsSeen()).isEqualTo(200_000);
        assertThat(snapshot.report().iterations()).isEqualTo(100);
        assertThat(snapshot.report().converged()).isFalse();
        double online = snapshot.score(x);
        assertThat(Math.abs(online - batchEm) / Math.abs(batchEm)).as("online %s vs batch %s", online, batchEm)
                .isLessThan(0.005);
        // the snapshot's lower bound estimates the last batch's fit under the model before it
        assertThat(snapshot.report().lowerBound()).isCloseTo(batchEm, within(0.05 * Math.abs(batchEm)));
    }

    @Test
    void snapshotsAreImmutableAndEachBatchMovesTheModel() {
        DataMatrix x = knownMixture(6_000, 2, 3, 9);
        OnlineGaussianMixture session = OnlineGaussianMixture.of(GaussianMixture.builder().components(3).build(), 0.8);
        GaussianMixtureModel first = session.partialFit(x.rowRange(0, 2_000));
        double[][] firstMeans = first.means();
        GaussianMixtureModel second = session.partialFit(x.rowRange(2_000, 4_000));
        assertThat(first.means()).isDeepEqualTo(firstMeans);
        assertThat(second.means()).isNotEqualTo(firstMeans);
        assertThat(session.model()).isSameAs(second);
        assertThat(session.step(0)).isEqualTo(Math.pow(2, -0.8));
        assertThat(session.stepExponent()).isEqualTo(0.8);
    }

    @Test
    void misuseIsRefusedWithTheFix() {
        GaussianMixture config = GaussianMixture.builder().components(2).build();
        assertThatThrownBy(() -> OnlineGaussianMixture.of(config, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0.5, 1]");
        assertThatThrownBy(() -> OnlineGaussianMixture.of(config, 1.2)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> OnlineGaussianMixture.of(null)).hasMessageContaining("config is null");
        OnlineGaussianMixture session = OnlineGaussianMixture.of(config);
        assertThatThrownBy(session::model).isInstanceOf(IllegalStateException.class).hasMessageContaining("partialFit");
        assertThatThrownBy(() -> session.partialFit(null)).hasMessageContaining("batch is null");
        session.partialFit(knownMixture(100, 2, 2, 1));
        assertThatThrownBy(() -> session.partialFit(knownMixture(100, 3, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns").hasMessageContaining("2 features");
    }

    /** Rows drawn in random order from K Gaussians with means on a grid and unequal scales. */
    static DataMatrix knownMixture(int rows, int cols, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(k);
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = random.nextGaussian() * (0.5 + 0.3 * ((c + j) % 3)) + 5.0 * ((c * (j + 1)) % k);
            }
        }
        return DataMatrix.wrap(v, rows, cols);
    }
}
