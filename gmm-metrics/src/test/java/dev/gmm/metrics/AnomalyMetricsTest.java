package dev.gmm.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Threshold reports and curve options beyond the sklearn fixture. */
class AnomalyMetricsTest {

    private static final int[] TRUTH = {0, 0, 0, 0, 0, 0, 1, 0, 1, 1};
    private static final double[] SCORES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    @Test
    void threshold_report_counts_flagged_samples_at_or_above_the_threshold() {
        ThresholdReport r = AnomalyMetrics.atThreshold(TRUTH, SCORES, 0.7);
        assertThat(r.confusion()).isDeepEqualTo(new long[][] {{6, 1}, {0, 3}});
        assertThat(r.truePositives()).isEqualTo(3);
        assertThat(r.falsePositives()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(0.75);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.f1()).isCloseTo(2 * 0.75 / 1.75, within(1e-15));
    }

    @Test
    void contamination_flags_that_fraction_of_the_highest_scores() {
        ThresholdReport r = AnomalyMetrics.atContamination(TRUTH, SCORES, 0.2);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.confusion()).isDeepEqualTo(new long[][] {{7, 0}, {1, 2}});
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void nothing_flagged_gives_zero_precision_not_nan() {
        ThresholdReport r = AnomalyMetrics.atThreshold(TRUTH, SCORES, 5.0);
        assertThat(r.precision()).isZero();
        assertThat(r.f1()).isZero();
    }

    @Test
    void keeping_intermediate_points_gives_every_distinct_threshold_and_the_same_area() {
        RocCurve full = AnomalyMetrics.rocCurve(TRUTH, SCORES, false);
        RocCurve dropped = AnomalyMetrics.rocCurve(TRUTH, SCORES, true);
        assertThat(full.thresholds()).hasSize(SCORES.length + 1);
        assertThat(full.thresholds()[0]).isEqualTo(2.0);
        assertThat(dropped.thresholds().length).isLessThan(full.thresholds().length);
        assertThat(AnomalyMetrics.rocAucScore(TRUTH, SCORES)).isCloseTo(20.0 / 21, within(1e-15));
    }
}
