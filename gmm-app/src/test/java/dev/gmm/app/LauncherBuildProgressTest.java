package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@code ./gmm} on a fresh machine builds the app, and Maven can be quiet for minutes while
 * it downloads: the launcher says what is happening from the first second and then periodically,
 * rather than seeming to hang. The real launcher script runs against a stand-in {@code mvn} that is
 * quiet for a while, reaches a module, downloads a file, and fails.
 */
class LauncherBuildProgressTest {
    @TempDir
    Path root;

    @Test
    void aQuietBuildGetsAHeartbeatWithTheModuleAndTheDownloadsSoFar() throws Exception {
        Files.copy(Path.of("..", "gmm"), root.resolve("gmm"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, """
                #!/usr/bin/env bash
                sleep 3
                echo "[INFO] Building gmm-core 0.1.0-SNAPSHOT                                 [3/10]"
                echo "Downloaded from central: https://repo.example/junit.jar (3 kB at 1 MB/s)"
                sleep 3
                echo "[ERROR] stand-in build failed"
                exit 1
                """);
        mvn.toFile().setExecutable(true);

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("gmm").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GMM_BUILD_HEARTBEAT", "2");
        pb.environment().put("TMPDIR", root.toString()); // the failed build's log stays in the scratch folder
        pb.environment().remove("GMM_SKIP_BUILD");
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();

        assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        assertThat(lines.getFirst()).startsWith("gmm: building the app");
        // quiet before any module: the time so far; then the module, and after it what was downloaded
        int quiet = firstMatching(lines, "gmm: still building: 0m\\ds so far, files downloaded: 0");
        int module = lines.indexOf("gmm: building gmm-core (3/10)");
        int downloaded = firstMatching(lines, "gmm: still building gmm-core \\(3/10\\): 0m\\ds so far, files downloaded: 1");
        assertThat(List.of(quiet, module, downloaded)).as(String.join("\n", lines)).doesNotContain(-1).isSorted();
        assertThat(lines).contains("[ERROR] stand-in build failed");
        assertThat(lines.getLast()).startsWith("gmm: the build failed (full log: ");
    }

    private static int firstMatching(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }
}
