package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's quick mode: a small job runs its JVM without the C2 compiler (whose compilations
 * cost a short process more than they save), a job above the work budget keeps C2, and either way
 * the model file is the same to the byte.
 */
class QuickModeLauncherTest {
    private static final String FLAGS = "-XX:+PrintFlagsFinal";
    @TempDir
    static Path scratch;
    private static GmmLauncher gmm;
    private static Path work;

    @BeforeAll
    static void aLauncherOverJars() throws IOException {
        gmm = GmmLauncher.withJarsOnly(Files.createDirectories(scratch.resolve("root")));
        work = Files.createDirectories(scratch.resolve("work"));
        GmmLauncher.writeThreeClusters(work.resolve("x.csv"));
    }

    @Test
    void a_small_fit_runs_without_c2_and_writes_the_model_a_full_jvm_writes() throws Exception {
        GmmProcess.Result quick = fit(Map.of("GMM_JAVA_OPTS", FLAGS), "quick.json");
        GmmProcess.Result full = fit(Map.of("GMM_JAVA_OPTS", FLAGS, "GMM_QUICK", "off"), "full.json");

        assertThat(quick.stdout()).containsPattern("TieredStopAtLevel\\s+= 1\\s");
        assertThat(full.stdout()).containsPattern("TieredStopAtLevel\\s+= 4\\s");
        assertThat(Files.readString(work.resolve("quick.json"))).isEqualTo(Files.readString(work.resolve("full.json")));
    }

    @Test
    void quick_runs_leave_the_vector_module_out_and_get_a_cache_of_their_own() throws Exception {
        Path stamp = gmm.root().resolve("gmm-app/target/aot/quick.stamp");
        fit(Map.of(), "first.json");
        for (int i = 0; i < 360 && !Files.exists(stamp); i++) {
            Thread.sleep(500); // the cache is trained in the background after the first quick run
        }
        assertThat(stamp).exists();
        Path log = scratch.resolve("quick-classes.log");
        fit(Map.of("GMM_JAVA_OPTS", "-Xlog:class+load:file=" + log + " -Xlog:module+load:file=" + log + ".modules"),
                "second.json");
        assertThat(Files.readString(log)).contains("dev.gmm.app.Main source: shared objects file");
        assertThat(Files.readString(work.resolve("second.json"))).isEqualTo(Files.readString(work.resolve("first.json")));
    }

    @Test
    void a_job_above_the_work_budget_keeps_c2() throws Exception {
        GmmProcess.Result fit = fit(Map.of("GMM_JAVA_OPTS", FLAGS, "GMM_QUICK_WORK", "1000"), "large.json");
        assertThat(fit.stdout()).containsPattern("TieredStopAtLevel\\s+= 4\\s");
    }

    private static GmmProcess.Result fit(Map<String, String> env, String out) throws Exception {
        GmmProcess.Result fit = gmm.run(work, env, "fit", "--data", "x.csv", "--components", "3", "--seed", "1",
                "--out", out);
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        return fit;
    }
}
