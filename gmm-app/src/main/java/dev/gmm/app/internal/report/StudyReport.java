package dev.gmm.app.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.experiment.ExperimentResult;

import dev.gmm.datasets.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report being assembled in a directory: sections are drawn as they are added (so a long demo's
 * figures appear as it goes), and {@link #write()} writes {@code index.html}, {@code results.json}
 * and {@code timings.json} beside them.
 */
public final class StudyReport {
    private final Path dir;
    private final String heading;
    private final ObjectMapper json;
    private final FigureWriter figures;
    private final List<ReportSection> sections = new ArrayList<>();
    private final List<String> metaLines = new ArrayList<>();
    private final List<String> environmentLines = new ArrayList<>();
    private final Map<String, JsonNode> extras = new LinkedHashMap<>();

    public StudyReport(Path dir, String heading, ObjectMapper json) throws IOException {
        this.dir = dir;
        this.heading = heading;
        this.json = json;
        Files.createDirectories(dir);
        this.figures = new FigureWriter(dir);
    }

    /** A line under the heading ("seed 0", "kernel simd-8", ...); also kept in the JSON under "meta". */
    public StudyReport meta(String line) {
        metaLines.add(line);
        return this;
    }

    /**
     * A line under the heading that may change from run to run (the date, the JVM, the cores): shown
     * on the page and kept in timings.json, never in results.json.
     */
    public StudyReport environment(String line) {
        environmentLines.add(line);
        return this;
    }

    /** A top-level entry of results.json besides "experiments" (the demo's "iris"). */
    public StudyReport extra(String key, JsonNode value) {
        extras.put(key, value);
        return this;
    }

    /** Adds a result and draws its figures now. */
    public ReportSection add(String name, String description, ExperimentResult result, double seconds) throws IOException {
        ReportSection s = new ReportSection(name, description, result, figures.write(result), seconds, null);
        sections.add(s);
        return s;
    }

    /** Adds an experiment that failed, with the reason the page shows. */
    public ReportSection addFailure(String name, String description, String error, double seconds) {
        ReportSection s = new ReportSection(name, description, null, List.of(), seconds, error);
        sections.add(s);
        return s;
    }

    public List<ReportSection> sections() {
        return List.copyOf(sections);
    }

    /**
     * Writes index.html, results.json (the results only: the same bytes for the same seed) and
     * timings.json (wall times, timing numbers, the date and the machine); returns the page's path.
     */
    public Path write() throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("title", heading);
        root.set("meta", json.valueToTree(metaLines));
        extras.forEach(root::set);
        ObjectNode experiments = root.putObject("experiments");
        ResultsJson converter = new ResultsJson(json);
        for (ReportSection s : sections) {
            experiments.set(s.name(), converter.section(s));
        }
        AtomicFiles.writeString(dir.resolve("results.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        ObjectNode timings = json.createObjectNode();
        timings.set("environment", json.valueToTree(environmentLines));
        ObjectNode timed = timings.putObject("experiments");
        for (ReportSection s : sections) {
            timed.set(s.name(), Timings.section(s, json, converter));
        }
        AtomicFiles.writeString(dir.resolve("timings.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(timings));
        Path page = dir.resolve("index.html");
        List<String> lines = new ArrayList<>(metaLines);
        lines.addAll(environmentLines);
        AtomicFiles.writeString(page, HtmlPage.render(heading, lines, sections));
        return page;
    }
}
