package dev.gmm.core;

import dev.gmm.core.app.spi.ContaminationThreshold;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ready-made threshold of the detector SPI flags exactly round(contamination × n) rows. */
class ContaminationThresholdTest {

    private static ContaminationThreshold threshold(double[] trainingScores, double contamination) {
        // The scorer scores a row by its one value, so new rows are easy to place against the threshold.
        return new ContaminationThreshold(1, rows -> rows.values().clone(), trainingScores, contamination);
    }

    @Test
    void theHighestScoresAreFlaggedAndTheThresholdIsTheHighestUnflaggedScore() {
        ContaminationThreshold t = threshold(new double[] {0.1, 0.9, 0.5, 0.7}, 0.5);

        assertThat(t.flagged()).containsExactly(false, true, false, true);
        assertThat(t.threshold()).isEqualTo(0.5);
        assertThat(t.predict(DataMatrix.of(new double[][] {{0.5}, {0.50001}, {-3}})))
                .containsExactly(false, true, false);
    }

    @Test
    void tiedScoresAreFlaggedInRowOrderSoTheCountStaysExact() {
        ContaminationThreshold t = threshold(new double[] {2, 2, 2, 2, 2}, 0.4);

        assertThat(t.flagged()).containsExactly(true, true, false, false, false);
        assertThat(t.threshold()).isEqualTo(2);
    }

    @Test
    void theTrainingScoresAreCopiedInAndOut() {
        double[] scores = {3, 1, 2, 0};
        ContaminationThreshold t = threshold(scores, 0.25);
        scores[0] = -1;
        t.trainingScores()[1] = 99;

        assertThat(t.trainingScores()).containsExactly(3, 1, 2, 0);
        assertThat(t.flagged()).containsExactly(true, false, false, false);
    }

    @Test
    void fewerThanTwoTrainingRowsAndAnotherWidthAreRefusedWithTheFix() {
        assertThatThrownBy(() -> ContaminationThreshold.requireTrainingRows(DataMatrix.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 training rows");
        assertThatThrownBy(() -> threshold(new double[] {1, 2}, 0.5).score(DataMatrix.of(new double[][] {{1, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 columns but the model was fitted on 1");
    }
}
