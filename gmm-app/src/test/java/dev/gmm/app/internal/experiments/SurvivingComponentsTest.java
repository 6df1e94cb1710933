package dev.gmm.app.internal.experiments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SurvivingComponentsTest {
    private static final double[] WEIGHTS = {0.0066, 0.43, 0.01, 0.33, 0.0001, 0.2133};

    @Test
    void aComponentSurvivesWhenItsWeightIsAtLeastTheLine() {
        // 0.01 itself is on the line and counts, as gmm fit --method variational counts it; 0.0066 does not.
        assertThat(SurvivingComponents.count(WEIGHTS, 0.01)).isEqualTo(4);
        assertThat(SurvivingComponents.indices(WEIGHTS, 0.01)).containsExactly(1, 2, 3, 5);
        assertThat(SurvivingComponents.count(WEIGHTS, 0.005)).isEqualTo(5);
        assertThat(SurvivingComponents.count(WEIGHTS, 0.5)).isZero();
    }

    @Test
    void theWeightsOnEitherSideOfTheLineShowHowFarTheCountIsFromChanging() {
        assertThat(SurvivingComponents.largestBelow(WEIGHTS, 0.01)).isEqualTo(0.0066);
        assertThat(SurvivingComponents.smallestAbove(WEIGHTS, 0.01)).isEqualTo(0.01);
        assertThat(SurvivingComponents.largestBelow(new double[] {0.6, 0.4}, 0.01)).isZero();
        assertThat(SurvivingComponents.smallestAbove(new double[] {0.001}, 0.01)).isNaN();
    }

    @Test
    void theBarsAreTheWeightsLargestFirstAndTheInputIsLeftAlone() {
        double[] copy = WEIGHTS.clone();
        assertThat(SurvivingComponents.sortedDescending(WEIGHTS))
                .containsExactly(0.43, 0.33, 0.2133, 0.01, 0.0066, 0.0001);
        assertThat(WEIGHTS).containsExactly(copy);
    }
}
