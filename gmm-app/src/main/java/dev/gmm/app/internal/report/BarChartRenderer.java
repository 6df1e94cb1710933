package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.Series;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a BAR chart: each series' x holds category positions and its labels name them. Series of one
 * chart share the categories (the union, in first-seen order), so bars of one category stand side by
 * side ("silhouette: GMM | K-Means").
 */
final class BarChartRenderer {
    private BarChartRenderer() {
    }

    static CategoryChart render(Chart chart) {
        List<String> categories = categories(chart.series());
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + chart.title() + "' has no bars");
        }
        CategoryChart bars = new CategoryChartBuilder().width(PlotLook.WIDTH).height(PlotLook.HEIGHT)
                .title(chart.title()).xAxisTitle(chart.xLabel()).yAxisTitle(chart.yLabel()).build();
        PlotLook.apply(bars.getStyler());
        bars.getStyler().setChartTitleFont(PlotLook.titleFont(chart.title(), PlotLook.WIDTH - PlotLook.AXIS_MARGIN));
        // Bar labels with 3 significant digits: XChart prints every digit (0.712345678901234) otherwise.
        bars.getStyler().setDecimalPattern(XyChartRenderer.decimalPattern(chart, false));
        bars.getStyler().setYAxisDecimalPattern(XyChartRenderer.decimalPattern(chart, false));
        bars.getStyler().setOverlapped(false);
        bars.getStyler().setLabelsVisible(categories.size() * chart.series().size() <= 24);
        bars.getStyler().setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        if (categories.stream().mapToInt(String::length).max().orElse(0) * categories.size() > 80) {
            bars.getStyler().setXAxisLabelRotation(30);
        }
        Set<String> names = new HashSet<>();
        int index = 0;
        for (Series s : chart.series()) {
            Map<String, Double> byCategory = values(s);
            List<Double> ys = new ArrayList<>();
            for (String c : categories) {
                Double v = byCategory.get(c);
                // A missing or non-finite bar is drawn as absent, not as a zero that would read as a result.
                ys.add(v == null || !Double.isFinite(v) ? null : v);
            }
            CategorySeries series = bars.addSeries(XyChartRenderer.unique(names, s.name()), categories, ys);
            series.setFillColor(PlotLook.color(index++));
        }
        return bars;
    }

    /** Every category of every series, in first-seen order. */
    private static List<String> categories(List<Series> series) {
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        for (Series s : series) {
            values(s).keySet().forEach(c -> seen.put(c, true));
        }
        return new ArrayList<>(seen.keySet());
    }

    private static Map<String, Double> values(Series s) {
        Map<String, Double> out = new LinkedHashMap<>();
        int n = Math.min(s.x().length, s.y().length);
        for (int i = 0; i < n; i++) {
            out.put(category(s, i), s.y()[i]);
        }
        return out;
    }

    /** The label of bar i, or its x position when the series has no labels. */
    private static String category(Series s, int i) {
        int position = (int) Math.round(s.x()[i]);
        if (position >= 0 && position < s.labels().size()) {
            return s.labels().get(position);
        }
        if (i < s.labels().size() && s.labels().size() == s.x().length) {
            return s.labels().get(i);
        }
        double x = s.x()[i];
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
