package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Undefined metrics and malformed input end in an IllegalArgumentException that names the problem. */
class BadInputTest {

    private static final DataMatrix FOUR_POINTS = DataMatrix.of(new double[][] {{0, 0}, {0, 1}, {5, 5}, {5, 6}});

    @Test
    void labels_and_data_of_different_lengths_are_rejected() {
        assertThatThrownBy(() -> ClusteringMetrics.silhouetteScore(FOUR_POINTS, new int[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels has 3 entries but x has 4 rows");
        assertThatThrownBy(() -> ClusteringMetrics.calinskiHarabaszScore(FOUR_POINTS, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has 4 rows");
        assertThatThrownBy(() -> ClusteringMetrics.adjustedRandScore(new int[] {0, 1}, new int[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth has 2 labels but pred has 3");
        assertThatThrownBy(() -> AnomalyMetrics.rocAucScore(new int[] {0, 1}, new double[] {0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth has 2 labels but scores has 1 values");
    }

    @Test
    void silhouette_of_a_single_cluster_is_undefined_as_in_sklearn() {
        assertThatThrownBy(() -> ClusteringMetrics.silhouetteScore(FOUR_POINTS, new int[] {7, 7, 7, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Number of labels is 1. Valid values are 2 to n_samples - 1 (inclusive)");
    }

    @Test
    void silhouette_with_one_cluster_per_sample_is_undefined_as_in_sklearn() {
        assertThatThrownBy(() -> ClusteringMetrics.silhouetteSamples(FOUR_POINTS, new int[] {0, 1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Number of labels is 4. Valid values are 2 to n_samples - 1 (inclusive)");
    }

    @Test
    void scores_with_nan_are_rejected_naming_the_position() {
        assertThatThrownBy(() -> AnomalyMetrics.rocAucScore(new int[] {0, 1, 0}, new double[] {0.1, Double.NaN, 0.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[1] is NaN");
        assertThatThrownBy(() -> AnomalyMetrics.averagePrecisionScore(new int[] {0, 1}, new double[] {Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[0] is NaN");
    }

    @Test
    void auc_with_a_single_class_in_truth_is_undefined_as_in_sklearn() {
        assertThatThrownBy(() -> AnomalyMetrics.rocAucScore(new int[] {0, 0, 0}, new double[] {0.1, 0.2, 0.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only one class present in y_true")
                .hasMessageContaining("ROC AUC score is not defined");
        assertThatThrownBy(() -> AnomalyMetrics.rocCurve(new int[] {1, 1}, new double[] {0.1, 0.2}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only one class present in y_true");
    }

    @Test
    void anomaly_truth_must_be_zero_or_one() {
        assertThatThrownBy(() -> AnomalyMetrics.rocAucScore(new int[] {0, 2}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth[1] is 2");
    }

    @Test
    void non_finite_data_is_rejected() {
        DataMatrix bad = DataMatrix.of(new double[][] {{0, 0}, {0, Double.NaN}, {5, 5}});
        assertThatThrownBy(() -> ClusteringMetrics.silhouetteScore(bad, new int[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contamination_outside_zero_one_is_rejected() {
        assertThatThrownBy(() -> AnomalyMetrics.atContamination(new int[] {0, 1}, new double[] {0.1, 0.2}, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contamination rate is 0.0");
    }
}
