package dev.gmm.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without {@code -Dgmm.kernel}, the kernel follows the size of the work, deterministically: small
 * jobs run the scalar kernel (a whole fit ends before C2 has compiled the Vector API code), large
 * ones the SIMD kernel; the same shapes always choose the same kernel; a forced choice wins.
 */
class KernelChoiceTest {
    private String saved;

    @BeforeEach
    void auto() {
        saved = System.getProperty("gmm.kernel");
        System.clearProperty("gmm.kernel");
    }

    @AfterEach
    void restore() {
        if (saved != null) {
            System.setProperty("gmm.kernel", saved);
        } else {
            System.clearProperty("gmm.kernel");
        }
    }

    @Test
    void small_jobs_run_scalar_and_large_ones_simd() {
        assertThat(Kernels.forWork(150, 3, 4, true).name()).isEqualTo("scalar");
        assertThat(Kernels.forWork(100_000, 3, 2, true).name()).isEqualTo("scalar");
        assertThat(Kernels.forWork(200_000, 16, 16, true).name()).startsWith("simd");
        assertThat(Kernels.forWork(1_000_000, 16, 16, false).name()).startsWith("simd");
    }

    @Test
    void the_threshold_is_on_the_work_of_one_pass() {
        // full: D(D+1) multiply-adds per row and component; diagonal: 2D
        assertThat(Kernels.workPerPass(1000, 4, 8, true)).isEqualTo(1000.0 * 4 * 72);
        assertThat(Kernels.workPerPass(1000, 4, 8, false)).isEqualTo(1000.0 * 4 * 16);
        long rowsAtThreshold = (long) Math.ceil(Kernels.SIMD_WORK_THRESHOLD / (10 * 20.0));
        assertThat(Kernels.forWork(rowsAtThreshold - 1, 10, 4, true).name()).isEqualTo("scalar");
        assertThat(Kernels.forWork(rowsAtThreshold + 1, 10, 4, true).name()).startsWith("simd");
    }

    @Test
    void a_fit_reports_the_kernel_its_size_chose_and_the_same_shape_chooses_it_again() {
        double[][] rows = new double[300][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i % 3 * 10 + (i * 0.618) % 1;
            rows[i][1] = (i * 0.377) % 1;
        }
        GaussianMixture config = GaussianMixture.builder().components(3).seed(0).build();
        assertThat(config.fit(DataMatrix.of(rows)).report().kernel()).isEqualTo("scalar");
        assertThat(config.fit(DataMatrix.of(rows)).report().kernel()).isEqualTo("scalar");
    }

    @Test
    void a_forced_kernel_wins_over_the_size() {
        System.setProperty("gmm.kernel", "simd");
        assertThat(Kernels.forWork(10, 1, 1, false).name()).startsWith("simd");
    }

    @Test
    void a_jvm_without_c2_keeps_to_the_scalar_kernel_unless_simd_is_forced() {
        System.setProperty("gmm.jit", "c1");
        try {
            assertThat(Kernels.forWork(1_000_000, 16, 16, true).name()).isEqualTo("scalar");
            System.setProperty("gmm.kernel", "simd");
            assertThat(Kernels.forWork(1_000_000, 16, 16, true).name()).startsWith("simd");
        } finally {
            System.clearProperty("gmm.jit");
        }
    }
}
