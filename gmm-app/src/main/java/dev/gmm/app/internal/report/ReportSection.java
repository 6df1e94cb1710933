package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult;

import java.util.List;

/**
 * One experiment's part of a report: its result and drawn figures, or the error that stopped it.
 *
 * @param name        the experiment's name (also the anchor and folder of its figures)
 * @param description the experiment's one-line description
 * @param result      what it produced, or null when it failed
 * @param figures     its drawn charts, heat maps and pictures
 * @param seconds     wall time of the run
 * @param error       why it failed, or null
 */
public record ReportSection(String name, String description, ExperimentResult result, List<Figure> figures,
                            double seconds, String error) {
    public ReportSection {
        figures = List.copyOf(figures);
    }

    public boolean failed() {
        return error != null;
    }

    /** The heading: the result's title, or the name when there is none. */
    public String title() {
        return result != null && result.title() != null && !result.title().isBlank() ? result.title() : name;
    }
}
