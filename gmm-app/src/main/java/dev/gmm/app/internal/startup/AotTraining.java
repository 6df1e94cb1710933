package dev.gmm.app.internal.startup;

import dev.gmm.app.Main;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.Datasets;
import dev.gmm.datasets.Generators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The training run of the launcher's ahead-of-time cache (JDK 25's {@code -XX:AOTCacheOutput}, JEPs
 * 483, 514, 515): one JVM that runs the commands users run most — fit with each covariance type on
 * small data (the scalar kernel) and on data large enough for the SIMD kernel, predict, score,
 * sample, select, evaluate — so that the cache holds their classes loaded and linked and the profiles
 * of their hot methods, and a later {@code gmm} process starts from them. Output goes nowhere; the
 * scratch folder is deleted. Started by the {@code gmm} launcher only; never needed for correctness.
 * {@code --small-only} trains the quick mode's cache (small jobs, no C2, no Vector API module): it stops
 * before the SIMD-sized fits.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("gmm-aot-training");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try {
            System.setOut(nowhere);
            System.setErr(nowhere);
            Path iris = dir.resolve("iris.csv");
            Csv.writeMatrix(iris, Datasets.iris().data(), List.of("sepal_length", "sepal_width", "petal_length",
                    "petal_width"));
            Path blobs = dir.resolve("blobs.csv");
            Csv.writeMatrix(blobs, Generators.blobs(120_000, 16, 8, 1.0, 1).data(), null);
            String m = dir.resolve("m.json").toString();
            for (String covariance : List.of("full", "tied", "diag", "spherical")) {
                Main.run("fit", "--data", iris.toString(), "--components", "3", "--covariance", covariance,
                        "--out", m);
            }
            Main.run("predict", "--model", m, "--data", iris.toString(), "--out", dir.resolve("p.csv").toString());
            Main.run("predict", "--model", m, "--data", iris.toString(), "--proba",
                    "--out", dir.resolve("q.csv").toString());
            Main.run("score", "--model", m, "--data", iris.toString());
            Main.run("sample", "--model", m, "--n", "100", "--out", dir.resolve("s.csv").toString());
            Main.run("select", "--data", iris.toString(), "--components", "1..4", "--out", dir.resolve("sel").toString());
            if (Arrays.asList(args).contains("--small-only")) {
                return; // the quick cache: its JVM never meets the SIMD-sized jobs below
            }
            String big = dir.resolve("big.json").toString();
            Main.run("fit", "--data", blobs.toString(), "--components", "8", "--max-iter", "20", "--out", big);
            Main.run("fit", "--data", blobs.toString(), "--components", "8", "--covariance", "diag", "--max-iter", "20",
                    "--out", big);
            Main.run("predict", "--model", big, "--data", blobs.toString(), "--out", dir.resolve("bp.csv").toString());
            Main.run("score", "--model", big, "--data", blobs.toString());
            Main.run("fit", "--data", dir.resolve("missing.csv").toString(), "--components", "2", "--out", m);
        } finally {
            System.setOut(out);
            System.setErr(err);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
