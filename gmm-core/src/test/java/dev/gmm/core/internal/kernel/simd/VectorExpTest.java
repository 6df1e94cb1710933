package dev.gmm.core.internal.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The log-sum-exp's vector exp keeps its promise: within 1 ulp of {@link Math#exp} on [−708, 0] — the
 * arguments x − max it is ever given are never positive — exactly 0 below −708 and for −∞, exactly 1
 * at 0. Checked through {@link LogSumExp#rows} with {@code keepExponentials}, which leaves exp(x − max)
 * in place of each log-probability: component 0 holds the maximum 0, component 1 the argument.
 */
class VectorExpTest {

    @Test
    void exp_at_the_edges_of_its_range() {
        assertThat(exp(0.0)).isEqualTo(1.0);
        assertThat(exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(exp(-745.0)).as("below -708 the exp is 0 (it vanishes next to the largest term, 1)").isEqualTo(0.0);
        assertThat(exp(-708.5)).isEqualTo(0.0);
        assertWithinOneUlp(-708.0);
        assertWithinOneUlp(-707.9999999);
        assertWithinOneUlp(-1e-300);
        assertWithinOneUlp(-Math.ulp(0.0));
        assertWithinOneUlp(-0.5 * Math.log(2));
    }

    @Test
    void exp_is_within_one_ulp_of_math_exp_across_its_range() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? -708 * random.nextDouble() : -Math.exp(random.nextDouble(-30, 6.56));
            assertWithinOneUlp(x);
        }
    }

    @Test
    void log_sum_exp_of_an_all_minus_infinity_row_is_minus_infinity() {
        VectorWorkspace ws = new VectorWorkspace(2, 1);
        java.util.Arrays.fill(ws.logProb, Double.NEGATIVE_INFINITY);
        LogSumExp.rows(2, Lanes.LANES, false, ws);
        assertThat(ws.lse[0]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static void assertWithinOneUlp(double x) {
        double expected = Math.exp(x);
        assertThat(Math.abs(exp(x) - expected)).as("exp(%s)", x).isLessThanOrEqualTo(Math.ulp(expected));
    }

    private static double exp(double x) {
        VectorWorkspace ws = new VectorWorkspace(2, 1);
        for (int r = 0; r < Lanes.LANES; r++) {
            ws.logProb[r] = 0.0;
            ws.logProb[Lanes.STRIDE + r] = x;
        }
        LogSumExp.rows(2, Lanes.LANES, true, ws);
        return ws.logProb[Lanes.STRIDE];
    }
}
