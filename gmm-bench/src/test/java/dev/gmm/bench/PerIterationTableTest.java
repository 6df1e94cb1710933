package dev.gmm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.bench.PerIterationTable.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seconds per iteration come from the difference of two whole fits, as bench_sklearn.py computes them. */
class PerIterationTableTest {

    @Test
    void theDifferenceOfTwoFitsCancelsTheFixedCost() {
        PerIterationTable table = PerIterationTable.of(List.of(
                new Timing("Smile", "W2", "full", 1, 3.0 + 2.0),
                new Timing("Smile", "W2", "full", 4, 3.0 + 4 * 2.0),
                new Timing("gmm SIMD (2 thr)", "W2", "diag", 11, 0.5 + 11 * 0.01),
                new Timing("gmm SIMD (2 thr)", "W2", "diag", 1, 0.5 + 0.01)));

        assertThat(table.seconds("Smile", "W2 full")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(table.seconds("gmm SIMD (2 thr)", "W2 diag")).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(table.seconds("Smile", "W2 diag")).isNaN();
    }

    @Test
    void aCellWithOneIterationCountHasNoNumber() {
        PerIterationTable table = PerIterationTable.of(List.of(new Timing("Smile", "W3", "full", 1, 9.0)));
        assertThat(table.seconds("Smile", "W3 full")).isNaN();
    }

    @Test
    void theMarkdownPutsThePeersInTheIssuesOrderAndMarksMissingCells(@TempDir Path results) throws IOException {
        Files.writeString(results.resolve("sklearn_W2_full.json"), "{\n \"peer\": \"sklearn\",\n \"s_per_iter_median\": 0.85\n}\n");
        PerIterationTable table = PerIterationTable.of(List.of(
                new Timing("gmm SIMD (2 thr)", "W2", "full", 1, 1.0),
                new Timing("gmm SIMD (2 thr)", "W2", "full", 11, 1.5),
                new Timing("Commons Math", "W1", "full", 1, 0.6),
                new Timing("Commons Math", "W1", "full", 3, 1.2))).withSklearn(results);

        assertThat(table.markdown()).isEqualTo("""
                | workload | cov | scikit-learn | Commons Math | gmm SIMD (2 thr) |
                |---|---|---|---|---|
                | W1 full | · | 0.300 | · |
                | W2 full | 0.850 | · | 0.0500 |
                """.replace("| W1 full |", "| W1 | full |").replace("| W2 full |", "| W2 | full |"));
    }

    @Test
    void aSklearnFileWithoutTheMedianIsNamed(@TempDir Path results) throws IOException {
        Files.writeString(results.resolve("sklearn_W1_full.json"), "{}");
        assertThatThrownBy(() -> PerIterationTable.of(List.of()).withSklearn(results))
                .isInstanceOf(IOException.class).hasMessageContaining("sklearn_W1_full.json")
                .hasMessageContaining("bench_sklearn.py");
    }

    @Test
    void benchmarkMethodsAreNamedAsThePeers() {
        assertThat(Suite.peer("dev.gmm.bench.EmIterationBenchmark.simd", "2")).isEqualTo("gmm SIMD (2 thr)");
        assertThat(Suite.peer("dev.gmm.bench.EmIterationBenchmark.scalar", "1")).isEqualTo("gmm scalar (1 thr)");
        assertThat(Suite.peer("dev.gmm.bench.SmileBenchmark.smile", null)).isEqualTo("Smile");
        assertThat(Suite.peer("dev.gmm.bench.CommonsMathBenchmark.commonsMath", null)).isEqualTo("Commons Math");
    }
}
