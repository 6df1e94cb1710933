package dev.gmm.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs line up with inputs and replace old files whole (issue 16 §3), through the launcher. */
class NoSilentDataLossProcessTest {
    @TempDir
    static Path dir;
    private static GmmLauncher gmm;

    @BeforeAll
    static void aModel() throws Exception {
        gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        Files.writeString(dir.resolve("x.csv"), "a,b\n-5,-5\n-4,-6\n-6,-4\n5,5\n4,6\n6,4\n");
        GmmProcess.Result fit = gmm.run(dir, "fit", "--data", "x.csv", "--components", "2", "--covariance",
                "spherical", "--out", "m.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
    }

    @Test
    void droppedRowsGetAnEmptyLabelSoLineIBelongsToRowI() throws Exception {
        Files.writeString(dir.resolve("gaps.csv"), "a,b\n-5,-5\nNA,3\n5,5\n,\n-6,-4\n");
        GmmProcess.Result r = gmm.run(dir, "predict", "--model", "m.json", "--data", "gaps.csv", "--missing", "drop");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(3)).isEmpty();
        assertThat(lines.get(0)).isEqualTo(lines.get(4)).isNotEqualTo(lines.get(2)).isNotEmpty();

        GmmProcess.Result proba = gmm.run(dir, "predict", "--model", "m.json", "--data", "gaps.csv", "--missing",
                "drop", "--proba");
        List<String> rows = proba.stdout().lines().toList();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(2)).isEqualTo(",");
        assertThat(rows.get(1).split(",")).hasSize(2);
    }

    @Test
    void anOutputIsReplacedWholeAndNoTemporaryFileStays() throws Exception {
        Files.writeString(dir.resolve("labels.csv"), "old contents\n");
        GmmProcess.Result r = gmm.run(dir, "predict", "--model", "m.json", "--data", "x.csv", "--out", "labels.csv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("labels.csv"))).hasSize(6).doesNotContain("old contents");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theSameCommandTwiceGivesTheSameOutput() throws Exception {
        GmmProcess.Result first = gmm.run(dir, "fit", "--data", "x.csv", "--components", "2", "--out", "again.json");
        String model = Files.readString(dir.resolve("again.json"));
        GmmProcess.Result second = gmm.run(dir, "fit", "--data", "x.csv", "--components", "2", "--out", "again.json");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(model);
    }
}
