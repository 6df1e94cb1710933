package dev.gmm.example.tieddiag;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The promise to plugin authors, checked end to end: the real {@code gmm} app, launched as a named
 * module, picks this example up by nothing more than its jar being on the module path.
 *
 * <p>Runs after {@code package} (failsafe), so the jar under test is the one Maven built, not the
 * class folders.
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
                boolean isThisPlugin = entry.contains("tied-diag-plugin") || entry.endsWith("classes");
                boolean isTestTooling = entry.contains("junit") || entry.contains("assertj")
                        || entry.contains("opentest4j") || entry.contains("apiguardian") || entry.contains("surefire")
                        || entry.contains("failsafe");
                if (!isThisPlugin && !isTestTooling && !appModulePath.contains(entry)) {
                    appModulePath.add(entry);
                }
            }
        }
        assertThat(appModulePath).anyMatch(e -> e.contains("gmm-app"));
        writeTwoSeparatedGroups(work.resolve("x.csv"));
    }

    @Test
    void withoutTheJarTheAppListsOnlyItsOwnProviders() throws Exception {
        Run run = gmm(false, "plugins");
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("  full  [dev.gmm.core]", "  tied  [dev.gmm.core]",
                "  silhouette_score  [dev.gmm.metrics]", "  kmeans  [dev.gmm.baselines]", "  iris  [dev.gmm.datasets]");
        assertThat(run.stdout).doesNotContain("tied-diag", "cluster_balance");
    }

    @Test
    void withTheJarThePluginsProvidersAreListedWithTheirModule() throws Exception {
        Run run = gmm(true, "plugins");
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("  tied-diag  [dev.gmm.example.tieddiag]",
                "  cluster_balance  [dev.gmm.example.tieddiag]", "  full  [dev.gmm.core]");
    }

    @Test
    void fitUsesThePluginsCovarianceModelByName() throws Exception {
        Path model = work.resolve("tied-diag-model.json");
        Run fit = gmm(true, "fit", "--data", "x.csv", "--components", "2", "--covariance", "tied-diag",
                "--out", model.getFileName().toString());
        assertThat(fit.exitCode).as(fit.stderr).isZero();
        String json = Files.readString(model);
        assertThat(json).contains("\"covariance_type\"").contains("\"tied-diag\"");
        // Two far-apart groups: EM separates them exactly, so the shared diagonal variance is the
        // pooled within-group variance of each feature.
        Matcher variances = Pattern.compile("\"covariances\"\\s*:\\s*\\[\\s*([-0-9.eE]+)\\s*,\\s*([-0-9.eE]+)")
                .matcher(json);
        assertThat(variances.find()).as("covariances in " + json).isTrue();
        assertThat(Double.parseDouble(variances.group(1))).isCloseTo(pooledVariance(0), within(1e-6));
        assertThat(Double.parseDouble(variances.group(2))).isCloseTo(pooledVariance(1), within(1e-6));

        Run withoutPlugin = gmm(false, "fit", "--data", "x.csv", "--components", "2", "--covariance", "tied-diag",
                "--out", "never.json");
        assertThat(withoutPlugin.exitCode).isEqualTo(2);
        assertThat(withoutPlugin.lastErrorLine()).contains("tied-diag");
    }

    @Test
    void evaluateReportsThePluginsMetric() throws Exception {
        Path model = work.resolve("for-evaluate.json");
        assertThat(gmm(true, "fit", "--data", "x.csv", "--components", "2", "--covariance", "tied-diag",
                "--out", model.getFileName().toString()).exitCode).isZero();
        Run predict = gmm(true, "predict", "--model", model.getFileName().toString(), "--data", "x.csv",
                "--out", "labels.csv");
        assertThat(predict.exitCode).as(predict.stderr).isZero();
        Run evaluate = gmm(true, "evaluate", "--data", "x.csv", "--labels-pred", "labels.csv");
        assertThat(evaluate.exitCode).as(evaluate.stderr).isZero();
        Matcher balance = Pattern.compile("\"cluster_balance\"\\s*:\\s*([-0-9.eE]+)").matcher(evaluate.stdout);
        assertThat(balance.find()).as(evaluate.stdout).isTrue();
        // Equal groups: the smallest cluster is as large as the largest.
        assertThat(Double.parseDouble(balance.group(1))).isCloseTo(1.0, within(1e-9));
        assertThat(evaluate.stdout).contains("\"silhouette_score\"");
    }

    private static final double[][] ROWS = new double[400][2];

    /** Rows alternate between a group at x = -10 and one at x = +10, unit variance. */
    private static void writeTwoSeparatedGroups(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < ROWS.length; i++) {
            ROWS[i][0] = (i % 2 == 0 ? -10 : 10) + random.nextGaussian();
            ROWS[i][1] = random.nextGaussian();
            csv.append(ROWS[i][0]).append(',').append(ROWS[i][1]).append('\n');
        }
        Files.writeString(file, csv);
    }

    /** Within-group variance of one feature, pooled over both groups (plus the default reg_covar 1e-6). */
    private static double pooledVariance(int feature) {
        double[] sum = new double[2];
        for (int i = 0; i < ROWS.length; i++) {
            sum[i % 2] += ROWS[i][feature];
        }
        double squares = 0;
        for (int i = 0; i < ROWS.length; i++) {
            double deviation = ROWS[i][feature] - sum[i % 2] / (ROWS.length / 2);
            squares += deviation * deviation;
        }
        return squares / ROWS.length + 1e-6;
    }

    private record Run(int exitCode, String stdout, String stderr) {
        String lastErrorLine() {
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
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
