package dev.gmm.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** The sample's row indices: exactly m distinct ones in [0, n), sorted, the same for the same seed. */
class InitialSampleTest {

    @Test
    void m_distinct_sorted_indices_in_range_and_the_same_for_the_same_seed() {
        long[] a = InitialSample.chooseIndices(1_000_000_000_000L, 5000, 42);
        assertThat(a).hasSize(5000);
        assertThat(Arrays.stream(a).distinct().count()).isEqualTo(5000);
        assertThat(a).isSorted();
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[a.length - 1]).isLessThan(1_000_000_000_000L);
        assertThat(InitialSample.chooseIndices(1_000_000_000_000L, 5000, 42)).isEqualTo(a);
        assertThat(InitialSample.chooseIndices(1_000_000_000_000L, 5000, 43)).isNotEqualTo(a);
    }

    @Test
    void the_sample_is_uniform_over_the_rows() {
        // 20 000 of 100 000: each tenth of the rows should hold 2 000 ± 4σ (σ ≈ 40)
        long[] s = InitialSample.chooseIndices(100_000, 20_000, 7);
        int[] tenths = new int[10];
        for (long i : s) {
            tenths[(int) (i / 10_000)]++;
        }
        for (int t : tenths) {
            assertThat(t).isBetween(2000 - 160, 2000 + 160);
        }
        assertThat(InitialSample.chooseIndices(10, 10, 1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
