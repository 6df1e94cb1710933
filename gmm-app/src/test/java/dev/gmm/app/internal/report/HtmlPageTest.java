package dev.gmm.app.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page shows a result's words, numbers and tables; the JSON keeps every number exactly. */
class HtmlPageTest {
    @TempDir
    Path dir;

    private static ExperimentResult result() {
        return ExperimentResult.builder("blobs", "GMM <vs> K-Means")
                .summary("300 points & 3 centres")
                .finding("GMM wins on silhouette")
                .number("silhouette_gmm", 0.712345678)
                .number("undefined", Double.NaN)
                .number("per_seed", List.of(1.5, 2.25))
                .number("nested", Map.of("k", 3))
                .table(new Table("Scores", List.of("model", "silhouette"), List.of(List.of("gmm", 0.7123), List.of("kmeans", 0.7))))
                .build();
    }

    @Test
    void escapesTextAndShowsNumbersToFourSignificantDigits() throws Exception {
        StudyReport report = new StudyReport(dir, "Report <1>", new ObjectMapper());
        report.add("blobs", "a \"study\" experiment", result(), 1.25);
        report.addFailure("broken", "fails", "the file x.csv is missing", 0.1);
        String page = Files.readString(report.write());

        assertThat(page).contains("<title>Report &lt;1&gt;</title>", "GMM &lt;vs&gt; K-Means", "300 points &amp; 3 centres",
                "GMM wins on silhouette", "<td class=\"num\">0.7123</td>", "<td>[1.5, 2.25]</td>",
                "This experiment failed: the file x.csv is missing", "href=\"#section-broken\"");
        assertThat(page).doesNotContain("<vs>");
    }

    @Test
    void numbersShowFourSignificantDigitsWithoutPaddingZeros() {
        assertThat(Html.format(0.712345678)).isEqualTo("0.7123");
        assertThat(Html.format(0.7)).isEqualTo("0.7");
        assertThat(Html.format(1e-4)).isEqualTo("0.0001");
        assertThat(Html.format(1e-8)).isEqualTo("1e-08");
        assertThat(Html.format(580.8594)).isEqualTo("580.9");
        assertThat(Html.format(150.0)).isEqualTo("150");
        assertThat(Html.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Html.format(new double[] {0.5, 2})).isEqualTo("[0.5, 2]");
    }

    @Test
    void aLongTableShowsItsFirstRowsAndFoldsTheRest() throws Exception {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(List.of("fit " + i, i * 0.5));
        }
        StudyReport report = new StudyReport(dir, "r", new ObjectMapper());
        report.add("grid", "d", ExperimentResult.builder("grid", "Grid").table(new Table("Every fit", List.of("fit", "score"),
                rows)).build(), 1);
        String page = Files.readString(report.write());
        assertThat(page).contains("Every fit (first 12 of 30 rows)", "<details><summary>all 30 rows of Every fit</summary>");
        assertThat(page.indexOf("<td>fit 29</td>")).isGreaterThan(page.indexOf("<details>"));
    }

    @Test
    void resultsJsonHoldsEveryNumberAndWritesNonFiniteOnesAsStrings() throws Exception {
        StudyReport report = new StudyReport(dir, "r", new ObjectMapper());
        report.add("blobs", "d", result(), 1.25);
        report.addFailure("broken", "fails", "why", 0.1);
        report.write();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode blobs = json.get("experiments").get("blobs");
        assertThat(blobs.get("numbers").get("silhouette_gmm").asDouble()).isEqualTo(0.712345678);
        assertThat(blobs.get("numbers").get("undefined").asText()).isEqualTo("NaN");
        assertThat(blobs.get("numbers").get("nested").get("k").asInt()).isEqualTo(3);
        assertThat(blobs.get("tables").get(0).get("rows").get(1).get(1).asDouble()).isEqualTo(0.7);
        assertThat(json.get("experiments").get("broken").get("error").asText()).isEqualTo("why");
    }

    @Test
    void timingsGoToTimingsJsonAndResultsJsonKeepsOnlyResults() throws Exception {
        List<List<Object>> rows = List.of(List.of("gmm", 21.5, 3.25), List.of("kmeans", 20.5, 7.5));
        ExperimentResult timed = ExperimentResult.builder("seg", "Segments").number("psnr", 21.5)
                .number("pca_millis", 12.5).number("seconds", 2.0)
                .table(new Table("Per image", List.of("method", "psnr_db", "millis"), rows)).build();
        StudyReport report = new StudyReport(dir, "r", new ObjectMapper()).meta("seed 0").environment("generated today");
        report.add("seg", "d", timed, 1.25);
        String page = Files.readString(report.write());

        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode seg = results.get("experiments").get("seg");
        assertThat(seg.has("seconds")).isFalse();
        assertThat(seg.get("numbers").properties()).extracting(java.util.Map.Entry::getKey).containsExactly("psnr");
        assertThat(seg.get("tables").get(0).get("columns")).extracting(JsonNode::asText).containsExactly("method", "psnr_db");
        assertThat(seg.get("tables").get(0).get("rows").get(1)).hasSize(2);
        assertThat(results.get("meta")).extracting(JsonNode::asText).containsExactly("seed 0");

        JsonNode timings = new ObjectMapper().readTree(dir.resolve("timings.json").toFile());
        assertThat(timings.get("environment").get(0).asText()).isEqualTo("generated today");
        JsonNode segTimes = timings.get("experiments").get("seg");
        assertThat(segTimes.get("seconds").asDouble()).isEqualTo(1.25);
        assertThat(segTimes.get("numbers").get("pca_millis").asDouble()).isEqualTo(12.5);
        assertThat(segTimes.get("numbers").get("seconds").asDouble()).isEqualTo(2.0);
        assertThat(segTimes.get("tables").get(0).get("rows").get(1).get(0).asDouble()).isEqualTo(7.5);
        // The page still shows the times and the date.
        assertThat(page).contains("generated today", "<th>millis</th>", "7.5");
    }
}
