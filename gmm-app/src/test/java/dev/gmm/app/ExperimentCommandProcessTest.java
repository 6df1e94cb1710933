package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gmm experiment} through the real CLI: the Iris check as an experiment, and typed, checked options. */
class ExperimentCommandProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void experimentIrisRunsTheStudysIrisCheckIntoAReport() throws Exception {
        GmmProcess.Result r = GmmProcess.runOnModulePath(dir, "experiment", "iris", "--out", "iris");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("== iris: the study's Iris check")
                .contains("145 of 150 flowers fall in their species' cluster (accuracy 0.967); the study reported "
                        + "145/150: reproduced.");

        JsonNode results = JSON.readTree(dir.resolve("iris/results.json").toFile());
        List<String> sections = new ArrayList<>();
        results.get("experiments").fieldNames().forEachRemaining(sections::add);
        assertThat(sections).containsExactly("iris");
        JsonNode numbers = results.get("experiments").get("iris").get("numbers");
        assertThat(numbers.get("matched").asInt()).isEqualTo(145);
        assertThat(numbers.get("n_samples").asInt()).isEqualTo(150);
        assertThat(numbers.get("best_map_accuracy").asDouble()).isEqualTo(145 / 150.0);
        assertThat(results.get("experiments").get("iris").get("figures")).hasSize(3);
        assertThat(Files.readString(dir.resolve("iris/index.html"))).contains("145 of 150 flowers fall in their species");
    }

    @Test
    void aListWhereOneNumberIsExpectedIsAUsersMistakeNamingTheKeyAndTheValue() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "experiment", "blobs", "--option", "n=5,9", "--out", "blobs");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString()
                .contains("option n=5,9: \"5,9\" is not one whole number; use a whole number >= 1 (default 300)");
        assertThat(Files.exists(dir.resolve("blobs"))).as("nothing is written for a mistyped option").isFalse();
    }

    @Test
    void anUnknownKeyIsRefusedWithTheExperimentsOptions() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "experiment", "blobs", "--option", "runz=3", "--out", "blobs");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString()
                .contains("experiment 'blobs' has no option 'runz'; its options: runs (default 10): data sets (seeds); "
                        + "n (default 300): points per data set");
        assertThat(Files.exists(dir.resolve("blobs"))).isFalse();
    }
}
