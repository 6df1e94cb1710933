package dev.gmm.example.shrinkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full-matrix covariance model from a plugin jar, end to end through the real app on the module
 * path: {@code gmm fit --covariance oas} fits and writes its model file, and {@code gmm predict}
 * reads that file back and labels the rows as the fit did — also where the plugin is not installed,
 * since the file keeps the parameter count and the precision factors scoring needs.
 */
class PluginJarOnModulePathIT {

    @TempDir
    static Path work;

    private static Path pluginJar;
    private static List<String> appModulePath;

    @BeforeAll
    static void locateTheAppAndThePlugin() throws IOException {
        pluginJar = Path.of(System.getProperty("gmm.example.pluginJar"));
        assertThat(pluginJar).as("the plugin jar built by `package`").isRegularFile();
        appModulePath = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String entry : value.split(File.pathSeparator)) {
                boolean isThisPlugin = entry.contains("shrinkage-plugin") || entry.endsWith("classes");
                boolean isTestTooling = entry.contains("junit") || entry.contains("assertj")
                        || entry.contains("opentest4j") || entry.contains("apiguardian") || entry.contains("surefire")
                        || entry.contains("failsafe");
                if (!isThisPlugin && !isTestTooling && !appModulePath.contains(entry)) {
                    appModulePath.add(entry);
                }
            }
        }
        StringBuilder csv = new StringBuilder("a,b,c\n");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            double centre = i % 2 == 0 ? -8 : 8;
            csv.append(centre + random.nextGaussian()).append(',').append(random.nextGaussian()).append(',')
                    .append(0.5 * centre + random.nextGaussian()).append('\n');
        }
        Files.writeString(work.resolve("x.csv"), csv);
    }

    @Test
    void the_plugins_full_matrix_model_fits_by_name_and_its_model_file_reads_back() throws Exception {
        Run fit = gmm(true, "fit", "--data", "x.csv", "--components", "2", "--covariance", "oas", "--out", "oas.json");
        assertThat(fit.exitCode).as(fit.stderr).isZero();
        assertThat(Files.readString(work.resolve("oas.json"))).contains("\"oas\"");
        Run predict = gmm(true, "predict", "--model", "oas.json", "--data", "x.csv", "--out", "labels.csv");
        assertThat(predict.exitCode).as(predict.stderr).isZero();
        List<String> labels = Files.readAllLines(work.resolve("labels.csv")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(labels).hasSize(300);
        for (int i = 2; i < labels.size(); i++) {
            assertThat(labels.get(i)).as("row %d with its group", i).isEqualTo(labels.get(i % 2));
        }
        assertThat(labels.get(0)).isNotEqualTo(labels.get(1));

        // the model file keeps what scoring needs (n_parameters, the precision factors): without the plugin
        // it still labels and scores as with it
        Run withoutPlugin = gmm(false, "predict", "--model", "oas.json", "--data", "x.csv", "--out", "again.csv");
        assertThat(withoutPlugin.exitCode).as(withoutPlugin.stderr).isZero();
        assertThat(Files.readAllLines(work.resolve("again.csv")).stream().filter(l -> !l.isBlank()).toList())
                .isEqualTo(labels);
        Run score = gmm(true, "score", "--model", "oas.json", "--data", "x.csv");
        Run scoreWithoutPlugin = gmm(false, "score", "--model", "oas.json", "--data", "x.csv");
        assertThat(score.exitCode).as(score.stderr).isZero();
        assertThat(scoreWithoutPlugin.exitCode).as(scoreWithoutPlugin.stderr).isZero();
        assertThat(scoreWithoutPlugin.stdout).contains("\"bic\"").isEqualTo(score.stdout);

        // a file written before those keys were stored needs the plugin, and says so
        String old = Files.readString(work.resolve("oas.json"))
                .replaceAll("\"n_parameters\" : \\d+,\\s*", "")
                .replaceAll("\"precision_factors\" : \\{[^}]*},\\s*", "");
        assertThat(old).doesNotContain("n_parameters").doesNotContain("precision_factors");
        Files.writeString(work.resolve("old.json"), old);
        assertThat(gmm(true, "predict", "--model", "old.json", "--data", "x.csv", "--out", "old.csv").exitCode)
                .as("with the plugin, an older file reads as before").isZero();
        Run oldWithoutPlugin = gmm(false, "predict", "--model", "old.json", "--data", "x.csv", "--out", "never.csv");
        assertThat(oldWithoutPlugin.exitCode).isEqualTo(2);
        assertThat(oldWithoutPlugin.stderr).contains("\"oas\" is not installed");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run gmm(boolean withPlugin, String... args) throws IOException, InterruptedException {
        List<String> modulePath = new ArrayList<>(appModulePath);
        if (withPlugin) {
            modulePath.add(pluginJar.toString());
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-p", String.join(File.pathSeparator, modulePath), "-m", "dev.gmm.app/dev.gmm.app.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("gmm " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
