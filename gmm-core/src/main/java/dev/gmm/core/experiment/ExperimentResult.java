package dev.gmm.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment produces, as plain data: a title, a summary, findings in words, named numbers,
 * tables, charts, heat maps and images. The app draws them; experiments never do.
 */
public record ExperimentResult(String name, String title, String summary, List<String> findings,
                               Map<String, Object> numbers, List<Table> tables, List<Chart> charts,
                               List<Heatmap> heatmaps, List<Picture> pictures) {

    /** Copies every list and map, so a result cannot change after it is built. */
    public ExperimentResult {
        findings = List.copyOf(findings);
        numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        heatmaps = List.copyOf(heatmaps);
        pictures = List.copyOf(pictures);
    }

    /** A builder for the result of experiment {@code name} (the registered name), shown under {@code title}. */
    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    /** A table of rows; cells are numbers or strings. */
    public record Table(String title, List<String> columns, List<List<Object>> rows) {
        /** Copies the columns and every row. */
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        }
    }

    /** How a chart's series are drawn. */
    public enum ChartKind {
        /** Each series' points joined in order (traces, curves). */
        LINE,
        /** Each series' points alone. */
        SCATTER,
        /** One bar per point, at category positions 0, 1, ... named by the series' labels. */
        BAR
    }

    /** One series of points; for BAR charts x holds category positions 0, 1, ... and labels names them. */
    public record Series(String name, double[] x, double[] y, List<String> labels) {
        /** A series without category labels. */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, List.of());
        }
    }

    /** A Gaussian's 2-D footprint, drawn as ellipses at the given numbers of standard deviations. */
    public record Ellipse(double centerX, double centerY, double[][] covariance2x2, double[] sigmas) {
    }

    /** A chart of one or more series, with fitted Gaussians drawn as ellipses on scatter charts. */
    public record Chart(String title, ChartKind kind, String xLabel, String yLabel, List<Series> series,
                        List<Ellipse> ellipses) {
        /** Copies the series and ellipses. */
        public Chart {
            series = List.copyOf(series);
            ellipses = List.copyOf(ellipses);
        }

        /** A chart without ellipses. */
        public Chart(String title, ChartKind kind, String xLabel, String yLabel, List<Series> series) {
            this(title, kind, xLabel, yLabel, series, List.of());
        }
    }

    /** A matrix shown as colours (correlation, confusion, density). */
    public record Heatmap(String title, List<String> rowLabels, List<String> columnLabels, double[][] values) {
    }

    /** An image, ARGB pixels row by row. */
    public record Picture(String title, int width, int height, int[] argb) {
        /** Checks that there is one pixel per position of the picture. */
        public Picture {
            if (argb.length != width * height) {
                throw new IllegalArgumentException("picture " + title + ": " + argb.length + " pixels for "
                        + width + "x" + height);
            }
        }
    }

    /** Collects the parts of a result. */
    public static final class Builder {
        private final String name;
        private final String title;
        private String summary = "";
        private final List<String> findings = new ArrayList<>();
        private final Map<String, Object> numbers = new LinkedHashMap<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<Heatmap> heatmaps = new ArrayList<>();
        private final List<Picture> pictures = new ArrayList<>();

        private Builder(String name, String title) {
            this.name = name;
            this.title = title;
        }

        /** The summary paragraph, replacing an earlier one. */
        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        /** Adds a finding: one sentence that follows from the numbers. */
        public Builder finding(String text) {
            findings.add(text);
            return this;
        }

        /** A named number (or string, list, map of them) that the report's JSON keeps. */
        public Builder number(String key, Object value) {
            numbers.put(key, value);
            return this;
        }

        /** Adds a table. */
        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        /** Adds a chart. */
        public Builder chart(Chart c) {
            charts.add(c);
            return this;
        }

        /** Adds a heat map. */
        public Builder heatmap(Heatmap h) {
            heatmaps.add(h);
            return this;
        }

        /** Adds a picture. */
        public Builder picture(Picture p) {
            pictures.add(p);
            return this;
        }

        /** The result, holding copies of what was added. */
        public ExperimentResult build() {
            return new ExperimentResult(name, title, summary, findings, numbers, tables, charts, heatmaps, pictures);
        }
    }
}
