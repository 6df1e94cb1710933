package dev.gmm.app.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.app.internal.experiments.VariationalExperiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The variational experiment's section of the report: drawn, and the same results.json entry for the same seed. */
class VariationalSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode report(String name, long seed) throws Exception {
        Path out = dir.resolve(name);
        ExperimentResult result = new VariationalExperiment().run(new ExperimentContext(null, out, seed, null, Map.of()));
        StudyReport report = new StudyReport(out, "variational", JSON);
        report.add("variational", "Iris, K = 10", result, 7.0312345678);
        report.write();
        return JSON.readTree(out.resolve("results.json").toFile()).get("experiments").get("variational");
    }

    @Test
    void theSectionIsDrawnAndTheSameSeedWritesTheSameResultsEntry() throws Exception {
        JsonNode first = report("first", 0);
        assertThat(report("again", 0)).isEqualTo(first);

        String page = Files.readString(dir.resolve("first/index.html"));
        assertThat(page).contains("id=\"section-variational\"", "How many components? Variational Bayes beside BIC");
        List<String> files = new ArrayList<>();
        first.get("figures").forEach(f -> files.add(f.get("file").asText()));
        // Counts beside BIC, the sorted weights under each prior, the BIC curve, two ellipse plots.
        assertThat(files).hasSize(6);
        for (String file : files) {
            assertThat(page).contains("<img src=\"" + file + "\"");
            assertThat(ImageIO.read(dir.resolve("first").resolve(file).toFile())).as(file).isNotNull();
        }
        // The wall time goes to timings.json only.
        assertThat(Files.readString(dir.resolve("first/results.json"))).doesNotContain("seconds", "7.0312345678");
        assertThat(JSON.readTree(dir.resolve("first/timings.json").toFile()).at("/experiments/variational/seconds")
                .asDouble()).isEqualTo(7.0312345678);
    }

    @Test
    void anotherSeedStartsTheFitsElsewhere() throws Exception {
        assertThat(report("seed1", 1).get("numbers").get("bic_by_components"))
                .isNotEqualTo(report("seed0", 0).get("numbers").get("bic_by_components"));
    }
}
