package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column names travel with the model (issue 16 §2), checked through the launcher on Old Faithful
 * (src/test/resources/faithful): the labels, not just the exit codes.
 */
class ColumnNamesProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static GmmLauncher gmm;

    @BeforeAll
    static void fitOnEruptionsThenWaiting() throws Exception {
        try (InputStream in = ColumnNamesProcessTest.class.getResourceAsStream("/faithful/faithful.csv")) {
            Files.copy(in, dir.resolve("faithful.csv"));
        }
        gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        GmmProcess.Result fit = gmm.run(dir, "fit", "--data", "faithful.csv", "--columns", "eruptions,waiting",
                "--components", "2", "--seed", "0", "--out", "model.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
    }

    private static List<String> labels(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", "model.json", "--data", "faithful.csv"));
        args.addAll(List.of(extra));
        GmmProcess.Result r = gmm.run(dir, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        return r.stdout().lines().toList();
    }

    @Test
    void theModelFileNamesTheTrainingColumnsInOrder() throws Exception {
        JsonNode model = JSON.readTree(dir.resolve("model.json").toFile());
        assertThat(model.get("feature_names_in").toString()).isEqualTo("[\"eruptions\",\"waiting\"]");
        assertThat(model.get("format_version").asInt()).isEqualTo(1);
    }

    @Test
    void columnsInAnotherOrderGiveTheSameLabelsAsTheTrainingOrder() throws Exception {
        List<String> trainingOrder = labels("--columns", "eruptions,waiting");
        assertThat(trainingOrder).hasSize(272);
        // Old Faithful's two clusters: short eruptions after short waits, long after long (about 97 / 175).
        assertThat(trainingOrder.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting())).values())
                .containsExactlyInAnyOrder(97L, 175L);
        assertThat(labels("--columns", "waiting,eruptions")).isEqualTo(trainingOrder);
        assertThat(labels("--columns", "2,1")).isEqualTo(trainingOrder);
        assertThat(labels()).as("no --columns: the model's columns, found by name; rownames ignored")
                .isEqualTo(trainingOrder);
    }

    @Test
    void aFileWithTheModelsColumnsInAnotherOrderIsReadByName() throws Exception {
        List<String> rows = Files.readAllLines(dir.resolve("faithful.csv"));
        StringBuilder swapped = new StringBuilder("waiting,eruptions\n");
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            swapped.append(c[2]).append(',').append(c[1]).append('\n');
        }
        Files.writeString(dir.resolve("swapped.csv"), swapped);
        GmmProcess.Result r = gmm.run(dir, "predict", "--model", "model.json", "--data", "swapped.csv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().toList()).isEqualTo(labels());
    }

    @Test
    void aMismatchNamesTheMissingAndUnexpectedColumns() throws Exception {
        GmmProcess.Result r = gmm.run(dir, "score", "--model", "model.json", "--data", "faithful.csv",
                "--columns", "waiting,rownames");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().lines().toList()).singleElement().asString()
                .contains("[eruptions]", "leaves out", "[rownames]", "never saw");
        Files.writeString(dir.resolve("geyser.csv"), "rownames,waiting,duration\n1,80,4.01\n2,71,2.15\n");
        GmmProcess.Result other = gmm.run(dir, "predict", "--model", "model.json", "--data", "geyser.csv");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.stderr().lines().toList()).singleElement().asString()
                .contains("geyser.csv", "lacks [eruptions]");
    }

    @Test
    void fitRefusesARowIndexColumnAndSaysWhichColumnsToUse() throws Exception {
        GmmProcess.Result r = gmm.run(dir, "fit", "--data", "faithful.csv", "--components", "2", "--out", "m.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().lines().toList()).singleElement().asString()
                .contains("\"rownames\"", "row index", "--columns eruptions,waiting");
        assertThat(dir.resolve("m.json")).doesNotExist();
        Files.writeString(dir.resolve("counted.csv"), "1,3.6,79\n2,1.8,54\n3,3.3,74\n4,2.3,62\n");
        GmmProcess.Result counted = gmm.run(dir, "fit", "--data", "counted.csv", "--components", "1", "--out", "m.json");
        assertThat(counted.exitCode()).isEqualTo(2);
        assertThat(counted.stderr().lines().toList()).singleElement().asString()
                .contains("\"column0\"", "--columns column1,column2");
    }

    @Test
    void samplesAreWrittenUnderTheTrainingColumnsNames() throws Exception {
        GmmProcess.Result r = gmm.run(dir, "sample", "--model", "model.json", "--n", "5", "--out", "s.csv");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("s.csv")).getFirst()).isEqualTo("eruptions,waiting,component");
    }
}
