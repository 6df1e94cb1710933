package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a matrix (correlation, confusion, density) as coloured cells, each annotated with its value,
 * row 0 at the top as the matrix reads. Matrices with values on both sides of 0 (correlations) get a
 * diverging scale centred on 0 (blue negative, red positive); others a sequential light-to-dark
 * scale over their own range (all-negative values, such as log-densities, included).
 */
final class HeatmapRenderer {
    /** Past this many cells the numbers no longer fit inside them. */
    private static final int MAX_ANNOTATED_CELLS = 400;
    /** Past this many rows or columns the tick labels overprint each other. */
    private static final int MAX_LABELLED_SIDE = 30;

    private HeatmapRenderer() {
    }

    static HeatMapChart render(Heatmap heatmap) {
        double[][] v = heatmap.values();
        int rows = v.length;
        int cols = rows == 0 ? 0 : v[0].length;
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("heat map '" + heatmap.title() + "' has no cells");
        }
        List<String> rowLabels = labels(heatmap.rowLabels(), rows, "row ");
        List<String> colLabels = labels(heatmap.columnLabels(), cols, "col ");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (v[r].length != cols) {
                throw new IllegalArgumentException("heat map '" + heatmap.title() + "' is ragged: row " + r + " has "
                        + v[r].length + " values, row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                double x = v[r][c];
                if (!Double.isFinite(x)) {
                    continue;
                }
                min = Math.min(min, x);
                max = Math.max(max, x);
                integral &= x == Math.rint(x);
                // XChart's y axis grows upwards: row 0 goes to the top index.
                cells.add(new Number[] {c, rows - 1 - r, x});
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("heat map '" + heatmap.title() + "' has no finite value");
        }
        // Wide enough for the title too: XChart clips a title longer than the chart.
        int width = Math.clamp(Math.max(160 + cols * 64L, 140 + heatmap.title().length() * 10L), 480, 1100);
        int height = Math.clamp(140 + rows * 44L, 360, 1000);
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(heatmap.title()).build();
        PlotLook.apply(chart.getStyler());
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setShowValue(rows * cols <= MAX_ANNOTATED_CELLS);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, rows * cols <= 100 ? 12 : 9));
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.getStyler().setHeatMapValueDecimalPattern(integral ? "#,##0" : "0.00");
        chart.getStyler().setXAxisLabelRotation(colLabels.stream().mapToInt(String::length).max().orElse(0) > 6 ? 35 : 0);
        if (min < 0 && max > 0) {
            double bound = Math.max(Math.abs(min), Math.abs(max));
            chart.getStyler().setMin(-bound).setMax(bound);
            chart.getStyler().setRangeColors(new Color[] {new Color(0x2166AC), Color.WHITE, new Color(0xB2182B)});
        } else {
            chart.getStyler().setMin(min >= 0 ? Math.min(0, min) : min).setMax(max > min ? max : min + 1);
            chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ECAE1), new Color(0x08519C)});
        }
        if (cols > MAX_LABELLED_SIDE) {
            // A density grid's 100 column names would overprint: name the ends on the axis title instead.
            chart.getStyler().setXAxisTicksVisible(false);
            chart.setXAxisTitle(colLabels.getFirst() + " \u2026 " + colLabels.getLast());
        }
        if (rows > MAX_LABELLED_SIDE) {
            chart.getStyler().setYAxisTicksVisible(false);
            chart.setYAxisTitle(rowLabels.getLast() + " \u2026 " + rowLabels.getFirst());
        }
        List<String> reversedRows = new ArrayList<>(rowLabels).reversed();
        chart.addSeries(heatmap.title(), colLabels, reversedRows, cells);
        return chart;
    }

    private static List<String> labels(List<String> given, int n, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(given != null && i < given.size() ? given.get(i) : prefix + i);
        }
        return out;
    }
}
