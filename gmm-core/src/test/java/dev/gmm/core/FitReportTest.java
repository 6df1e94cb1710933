package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fit report prints as a readable line and compares by value, trace included. */
class FitReportTest {

    @Test
    void prints_its_trace_as_values_not_an_array_identity() {
        FitReport r = new FitReport(true, 4, -1.5, new double[] {-3, -2, -1.6, -1.5}, 0, "scalar", 1, 2_000_000);
        assertThat(r.toString()).doesNotContain("[D@").contains("lowerBoundTrace=4 values ending …, -2.0, -1.6, -1.5")
                .contains("converged=true").contains("iterations=4").contains("elapsed=0.002 s");
    }

    @Test
    void two_reports_with_equal_traces_are_equal() {
        FitReport a = new FitReport(true, 1, -1, new double[] {-1}, 0, "scalar", 1, 5);
        FitReport b = new FitReport(true, 1, -1, new double[] {-1}, 0, "scalar", 1, 5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
