package dev.gmm.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module-path users (provides … with …) and class-path users (META-INF/services) see the same
 * providers: every built-in provider must be declared both ways.
 */
class PluginDiscoveryTest {
    @TempDir
    Path dir;

    /** "  name  [module]  description" lines reduced to "kind: name", the module column dropped. */
    private static List<String> providers(String output) {
        List<String> out = new java.util.ArrayList<>();
        String kind = "";
        for (String line : output.lines().toList()) {
            if (!line.startsWith(" ") && line.endsWith(":")) {
                kind = line;
            } else if (line.startsWith("  ")) {
                out.add(kind + " " + line.strip().split("\\s+")[0]);
            }
        }
        return out;
    }

    @Test
    void theModulePathAndTheClassPathDiscoverTheSameProviders() throws Exception {
        GmmProcess.Result classPath = GmmProcess.run(dir, "plugins");
        GmmProcess.Result modulePath = GmmProcess.runOnModulePath(dir, "plugins");
        assertThat(classPath.exitCode()).as(classPath.stderr()).isZero();
        assertThat(modulePath.exitCode()).as(modulePath.stderr()).isZero();
        List<String> onClassPath = providers(classPath.stdout());
        assertThat(onClassPath).contains("covariance model: full", "clusterer: kmeans", "anomaly detector: isolation-forest",
                "cluster metric: silhouette_score", "dataset provider: iris", "experiment: audio-emotions",
                "feature extractor: speech27");
        assertThat(providers(modulePath.stdout())).containsExactlyElementsOf(onClassPath);
        assertThat(modulePath.stdout()).contains("[dev.gmm.core]", "[dev.gmm.baselines]");
    }
}
