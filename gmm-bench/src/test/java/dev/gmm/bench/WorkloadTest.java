package dev.gmm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The workloads have the shapes common.py gives them and a start every peer can use. */
class WorkloadTest {

    @Test
    void w1HasTheSharedShapeAndAValidStart() throws Exception {
        Workload w = Workload.load("W1");
        assertThat(w.data().rows()).isEqualTo(100_000);
        assertThat(w.data().cols()).isEqualTo(2);
        assertThat(w.weights()).hasSize(3);
        assertThat(java.util.Arrays.stream(w.weights()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.means()).hasDimensions(3, 2);
        assertThat(w.covariances()[0][0][0]).isPositive();
        assertThat(w.precisions()[2][1][1]).isPositive();
        assertThat(w.diagonalPrecisions()).hasDimensions(3, 2);
    }

    @Test
    void anUnknownWorkloadIsNamedInTheError() {
        assertThatThrownBy(() -> Workload.load("W9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("W9").hasMessageContaining("W1, W2, W3 or W4");
    }
}
