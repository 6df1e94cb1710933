package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's ahead-of-time cache, as a user meets it: absent at first (the command runs, and a
 * cache is made in the background), then used (classes come from it) with the same results, rebuilt
 * when a jar changes, and ignored without a word when broken. These runs keep C2 (GMM_QUICK=off): the
 * quick mode's own cache is made and used the same way (QuickModeLauncherTest).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AotCacheLauncherTest {
    @TempDir
    static Path scratch;
    private static GmmLauncher gmm;
    private static Path work;
    private static String firstModel;

    @BeforeAll
    static void aLauncherOverJars() throws IOException {
        gmm = GmmLauncher.withJarsOnly(Files.createDirectories(scratch.resolve("root")));
        work = Files.createDirectories(scratch.resolve("work"));
        GmmLauncher.writeThreeClusters(work.resolve("x.csv"));
    }

    @Test
    @Order(1)
    void without_a_cache_the_command_runs_and_a_cache_is_made() throws Exception {
        GmmProcess.Result fit = fit("first.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        firstModel = Files.readString(work.resolve("first.json"));
        assertThat(awaitStamp(null)).as("the cache's stamp").isNotNull();
        assertThat(cache()).isNotEmptyFile();
    }

    @Test
    @Order(2)
    void with_the_cache_classes_come_from_it_and_results_are_the_same() throws Exception {
        Path log = scratch.resolve("classes.log");
        GmmProcess.Result fit = gmm.run(work, Map.of("GMM_QUICK", "off", "GMM_JAVA_OPTS", "-Xlog:class+load:file=" + log), "fit",
                "--data", "x.csv", "--components", "3", "--seed", "1", "--out", "second.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        assertThat(Files.readString(log)).contains("dev.gmm.app.Main source: shared objects file");
        assertThat(Files.readString(work.resolve("second.json"))).isEqualTo(firstModel);
    }

    @Test
    @Order(3)
    void a_broken_cache_is_ignored_without_a_word_and_gives_the_same_results() throws Exception {
        byte[] whole = Files.readAllBytes(cache());
        Files.write(cache(), java.util.Arrays.copyOf(whole, 4096));
        GmmProcess.Result fit = fit("broken.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        assertThat(fit.stdout()).startsWith("fit: ").doesNotContain("aot", "AOT");
        assertThat(fit.stderr()).doesNotContain("aot", "AOT");
        assertThat(Files.readString(work.resolve("broken.json"))).isEqualTo(firstModel);
        Files.write(cache(), whole);
    }

    @Test
    @Order(4)
    void a_changed_jar_makes_the_launcher_build_a_new_cache() throws Exception {
        String before = Files.readString(gmm.root().resolve("gmm-app/target/aot/stamp"));
        Path appJar = gmm.root().resolve("gmm-app/target/gmm-app-test.jar");
        Files.setLastModifiedTime(appJar, FileTime.fromMillis(Files.getLastModifiedTime(appJar).toMillis() + 60_000));
        Path log = scratch.resolve("stale.log");
        GmmProcess.Result fit = gmm.run(work, Map.of("GMM_QUICK", "off", "GMM_JAVA_OPTS", "-Xlog:class+load:file=" + log), "fit",
                "--data", "x.csv", "--components", "3", "--seed", "1", "--out", "third.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        assertThat(Files.readString(log)).as("a cache made for other jars is not used")
                .doesNotContain("dev.gmm.app.Main source: shared objects file").contains("dev.gmm.app.Main source:");
        assertThat(awaitStamp(before)).isNotEqualTo(before);
    }

    private static GmmProcess.Result fit(String out) throws Exception {
        return gmm.run(work, Map.of("GMM_QUICK", "off"), "fit", "--data", "x.csv", "--components", "3", "--seed", "1",
                "--out", out);
    }

    private static Path cache() {
        return gmm.root().resolve("gmm-app/target/aot/gmm.aot");
    }

    /** The cache's stamp once a training run other than {@code old}'s has finished (up to 3 minutes). */
    private static String awaitStamp(String old) throws Exception {
        Path stamp = gmm.root().resolve("gmm-app/target/aot/stamp");
        for (int i = 0; i < 360; i++) {
            if (Files.exists(stamp)) {
                String now = Files.readString(stamp);
                if (!now.equals(old)) {
                    return now;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }
}
