package dev.gmm.app.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.core.experiment.ExperimentResult.Picture;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult.Table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report section as JSON: every result the page shows (named numbers, table cells, heat-map
 * cells, the points of every plotted series, ellipse parameters) plus findings and figure files;
 * timings are left to {@link Timings}, so the file is the same run to run.
 * Keys are snake_case (Decision 7); non-finite numbers are written as the strings "NaN",
 * "Infinity", "-Infinity" so the file stays valid JSON.
 */
final class ResultsJson {
    private final ObjectMapper json;

    ResultsJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode section(ReportSection section) {
        ObjectNode node = json.createObjectNode();
        node.put("description", section.description());
        if (section.failed()) {
            node.put("error", section.error());
            return node;
        }
        ExperimentResult r = section.result();
        node.put("title", r.title());
        node.put("summary", r.summary());
        ArrayNode findings = node.putArray("findings");
        r.findings().forEach(findings::add);
        node.set("numbers", value(Timings.resultNumbers(r)));
        ArrayNode tables = node.putArray("tables");
        r.tables().forEach(t -> tables.add(table(Timings.project(t, Timings.resultColumns(t)))));
        ArrayNode charts = node.putArray("charts");
        r.charts().forEach(c -> charts.add(chart(c)));
        ArrayNode heatmaps = node.putArray("heatmaps");
        r.heatmaps().forEach(h -> heatmaps.add(heatmap(h)));
        ArrayNode pictures = node.putArray("pictures");
        for (Picture p : r.pictures()) {
            pictures.addObject().put("title", p.title()).put("width", p.width()).put("height", p.height());
        }
        ArrayNode figures = node.putArray("figures");
        for (Figure f : section.figures()) {
            ObjectNode fig = figures.addObject().put("kind", f.kind()).put("title", f.title());
            if (f.file() != null) {
                fig.put("file", f.file());
            } else {
                fig.put("error", f.error());
            }
        }
        return node;
    }

    ObjectNode table(Table t) {
        ObjectNode node = json.createObjectNode().put("title", t.title());
        ArrayNode columns = node.putArray("columns");
        t.columns().forEach(columns::add);
        ArrayNode rows = node.putArray("rows");
        for (List<Object> row : t.rows()) {
            ArrayNode r = rows.addArray();
            row.forEach(cell -> r.add(value(cell)));
        }
        return node;
    }

    private ObjectNode chart(Chart c) {
        ObjectNode node = json.createObjectNode().put("title", c.title())
                .put("kind", c.kind().name().toLowerCase(Locale.ROOT))
                .put("x_label", c.xLabel()).put("y_label", c.yLabel());
        ArrayNode series = node.putArray("series");
        for (Series s : c.series()) {
            ObjectNode sn = series.addObject().put("name", s.name());
            sn.set("x", value(s.x()));
            sn.set("y", value(s.y()));
            if (!s.labels().isEmpty()) {
                sn.set("labels", value(s.labels()));
            }
        }
        if (!c.ellipses().isEmpty()) {
            ArrayNode ellipses = node.putArray("ellipses");
            for (Ellipse e : c.ellipses()) {
                ObjectNode en = ellipses.addObject();
                en.set("center", value(new double[] {e.centerX(), e.centerY()}));
                en.set("covariance", value(e.covariance2x2()));
                en.set("sigmas", value(e.sigmas()));
            }
        }
        return node;
    }

    private ObjectNode heatmap(Heatmap h) {
        ObjectNode node = json.createObjectNode().put("title", h.title());
        node.set("row_labels", value(h.rowLabels()));
        node.set("column_labels", value(h.columnLabels()));
        node.set("values", value(h.values()));
        return node;
    }

    /** Any value an experiment may put in its numbers: numbers, strings, arrays, lists, maps, records. */
    JsonNode value(Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return json.getNodeFactory().textNode(d.toString());
        }
        if (v instanceof Float f && !Float.isFinite(f)) {
            return json.getNodeFactory().textNode(f.toString());
        }
        if (v instanceof double[] a) {
            ArrayNode out = json.createArrayNode();
            for (double d : a) {
                out.add(value(d));
            }
            return out;
        }
        if (v instanceof Object[] a) {
            ArrayNode out = json.createArrayNode();
            for (Object o : a) {
                out.add(value(o));
            }
            return out;
        }
        if (v instanceof Iterable<?> it) {
            ArrayNode out = json.createArrayNode();
            it.forEach(o -> out.add(value(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode out = json.createObjectNode();
            m.forEach((k, o) -> out.set(String.valueOf(k), value(o)));
            return out;
        }
        try {
            return json.valueToTree(v);
        } catch (IllegalArgumentException e) {
            // A type Jackson cannot see into (a record of a module that does not open it to Jackson).
            return json.getNodeFactory().textNode(String.valueOf(v));
        }
    }
}
