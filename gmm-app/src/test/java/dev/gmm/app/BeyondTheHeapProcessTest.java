package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.datasets.Npy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 through the launcher, scaled down for CI (Decision 22): {@code gmm convert} streams a CSV
 * larger than the heap it is given into an .npy file, and {@code gmm fit --online} fits it, in a heap
 * where the in-memory reader cannot load it; fit, predict and score on the mapped file give what they give on the CSV (the same model bit
 * for bit); an online fit reads standard input as it reads the file; bad .npy input is one line on
 * stderr and exit code 2. The full-size runs are gmm-bench/scripts/out-of-core.sh and online-em.sh.
 */
class BeyondTheHeapProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static GmmLauncher gmm;

    @BeforeAll
    static void launcherAndData() throws Exception {
        gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        writeCsv(dir.resolve("x.csv"), 6_000, 3, true);
    }

    @Test
    void convertAndAnOnlineFitStreamACsvLargerThanTheirHeapThatTheInMemoryReaderCannotHold() throws Exception {
        Path big = dir.resolve("big.csv");
        writeCsv(big, 1_400_000, 8, false);
        assertThat(Files.size(big)).isGreaterThan(96L << 20);
        Map<String, String> smallHeap = Map.of("GMM_JAVA_OPTS", "-Xmx48m");

        GmmProcess.Result convert = gmm.run(dir, smallHeap, "convert", "--data", "big.csv", "--out", "big.npy", "--float32");

        assertThat(convert.exitCode()).as(convert.stderr()).isZero();
        assertThat(convert.stdout()).contains("convert: 1400000 rows -> big.npy (float32)");
        assertThat(Npy.info(dir.resolve("big.npy"))).isEqualTo(new Npy.Info(1_400_000, 8, true, 1));
        try (var mapped = Npy.map(dir.resolve("big.npy"))) {
            for (int row : new int[] {0, 700_123, 1_399_999}) {
                String[] cells;
                try (var lines = Files.lines(big)) {
                    cells = lines.skip(row).findFirst().orElseThrow().split(",");
                }
                for (int j = 0; j < 8; j++) {
                    assertThat(mapped.data().get(row, j)).isEqualTo((double) Float.parseFloat(cells[j]));
                }
            }
        }
        GmmProcess.Result online = gmm.run(dir, smallHeap, "fit", "--data", "big.csv", "--online", "--batch-size",
                "20000", "--components", "3", "--covariance", "diag", "--out", "online-big.json");
        assertThat(online.exitCode()).as(online.stderr()).isZero();
        assertThat(online.stdout()).contains("1400000 rows in 70 batches");
        GmmProcess.Result inMemory = gmm.run(dir, smallHeap, "fit", "--data", "big.csv", "--components", "2",
                "--out", "never.json");
        assertThat(inMemory.exitCode()).isEqualTo(2);
        assertThat(inMemory.errorLines()).hasSize(1);
        assertThat(inMemory.stderr()).containsIgnoringCase("memory");
        Files.delete(big);
    }

    @Test
    void fitPredictAndScoreOnTheMappedFileGiveWhatTheyGiveOnTheCsv() throws Exception {
        assertThat(gmm.run(dir, "convert", "--data", "x.csv", "--out", "x.npy").exitCode()).isZero();
        for (String data : List.of("x.csv", "x.npy")) {
            GmmProcess.Result fit = gmm.run(dir, "fit", "--data", data, "--components", "3", "--covariance", "full",
                    "--seed", "4", "--out", data + ".model.json");
            assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        }
        for (String data : List.of("x.csv", "x.npy")) {
            assertThat(gmm.run(dir, "predict", "--data", data, "--model", "x.npy.model.json", "--out", data + ".labels")
                    .exitCode()).isZero();
        }
        JsonNode fromCsv = JSON.readTree(dir.resolve("x.csv.model.json").toFile());
        JsonNode fromNpy = JSON.readTree(dir.resolve("x.npy.model.json").toFile());
        for (String key : List.of("weights", "means", "covariances", "precisions_cholesky", "lower_bound", "n_iter")) {
            assertThat(fromNpy.get(key)).as(key).isEqualTo(fromCsv.get(key));
        }
        assertThat(Files.readString(dir.resolve("x.npy.labels"))).isEqualTo(Files.readString(dir.resolve("x.csv.labels")));
        GmmProcess.Result score = gmm.run(dir, "score", "--data", "x.npy", "--model", "x.npy.model.json");
        JsonNode scored = JSON.readTree(score.stdout());
        assertThat(scored.get("n_samples").asInt()).isEqualTo(6_000);
        JsonNode csvScored = JSON.readTree(gmm.run(dir, "score", "--data", "x.csv", "--model", "x.npy.model.json").stdout());
        assertThat(scored.get("mean_log_likelihood").asDouble())
                .isCloseTo(csvScored.get("mean_log_likelihood").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void anOnlineFitReadsStandardInputAsItReadsTheFile() throws Exception {
        String[] fit = {"fit", "--online", "--batch-size", "500", "--components", "3", "--seed", "2", "--out"};
        GmmProcess.Result fromFile = gmm.run(dir, Map.of(), null, concat(concat(fit, "online-file.json"), "--data", "x.csv"));
        GmmProcess.Result fromStdin = gmm.run(dir, Map.of(), dir.resolve("x.csv"),
                concat(concat(fit, "online-stdin.json"), "--data", "-"));
        assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
        assertThat(fromStdin.exitCode()).as(fromStdin.stderr()).isZero();
        assertThat(fromStdin.stdout()).contains("6000 rows in 12 batches");
        assertThat(Files.readString(dir.resolve("online-stdin.json"))).isEqualTo(Files.readString(dir.resolve("online-file.json")));
        assertThat(JSON.readTree(dir.resolve("online-stdin.json").toFile()).get("feature_names_in").toString())
                .isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void badNpyInputIsOneLineNamingTheFileAndExitCode2() throws Exception {
        Path fortran = dir.resolve("fortran.npy");
        Files.copy(Path.of("../gmm-datasets/src/test/resources/dev/gmm/datasets/npy/fortran.npy"), fortran);
        GmmProcess.Result r = gmm.run(dir, "fit", "--data", "fortran.npy", "--components", "2", "--out", "f.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("fortran.npy").contains("Fortran")
                .contains("ascontiguousarray");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Rows from three blobs, written as they are drawn. */
    private static void writeCsv(Path file, int rows, int cols, boolean header) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            if (header) {
                w.write("a,b,c\n");
            }
            for (int i = 0; i < rows; i++) {
                int c = random.nextInt(3);
                for (int j = 0; j < cols; j++) {
                    w.write((j == 0 ? "" : ",") + String.format(Locale.ROOT, "%.6f", random.nextGaussian() + 5.0 * ((c + j) % 3)));
                }
                w.write('\n');
            }
        }
    }
}
