package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Series;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Draws a LINE or SCATTER chart, with each component's ellipses at the sigmas it names. */
final class XyChartRenderer {
    /** Labels beside points are readable only on small series (a K-vs-BIC curve, a handful of models). */
    private static final int MAX_LABELLED_POINTS = 40;
    private static final int ELLIPSE_POINTS = 120;
    private static final Color ELLIPSE_COLOR = new Color(0x333333);

    private XyChartRenderer() {
    }

    static XYChart render(Chart chart) {
        if (chart.kind() == ChartKind.BAR) {
            throw new IllegalArgumentException("chart '" + chart.title() + "' is a bar chart: use BarChartRenderer");
        }
        XYChart xy = new XYChartBuilder().width(PlotLook.WIDTH).height(PlotLook.HEIGHT).title(chart.title())
                .xAxisTitle(chart.xLabel()).yAxisTitle(chart.yLabel()).build();
        PlotLook.apply(xy.getStyler());
        // XChart centres the title over the plot, beside the legend: a long title moves the legend below the
        // plot so that it can use the chart's whole width, then shrinks until it fits.
        if (PlotLook.titleFont(chart.title(), PlotLook.WIDTH - PlotLook.LEGEND_WIDTH).getSize() < 15) {
            xy.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            xy.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        }
        xy.getStyler().setChartTitleFont(PlotLook.titleFont(chart.title(), PlotLook.WIDTH - PlotLook.AXIS_MARGIN));
        xy.getStyler().setMarkerSize(chart.kind() == ChartKind.SCATTER ? 5 : 6);
        Set<String> names = new HashSet<>();
        int index = 0;
        // Centres are drawn last, large and black, so they stand out on top of the clusters' points.
        List<Series> ordered = new ArrayList<>(chart.series().stream().filter(s -> !isCentres(s)).toList());
        ordered.addAll(chart.series().stream().filter(XyChartRenderer::isCentres).toList());
        for (Series s : ordered) {
            double[][] finite = finitePoints(s);
            if (finite[0].length == 0) {
                continue; // XChart cannot draw an empty series; the JSON still holds it
            }
            XYSeries series = xy.addSeries(unique(names, s.name()), finite[0], finite[1]);
            if (isCentres(s)) {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.DIAMOND);
                series.setMarkerColor(Color.BLACK);
                series.setLineColor(Color.BLACK);
                continue;
            }
            if (chart.kind() == ChartKind.SCATTER) {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                series.setMarker(PlotLook.marker(index));
            } else {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(s.x().length <= MAX_LABELLED_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
            series.setLineColor(PlotLook.color(index));
            series.setMarkerColor(PlotLook.color(index));
            index++;
            labelPoints(xy, s, labelLift(chart));
        }
        addEllipses(xy, chart, names);
        // XChart's default x labels print every digit of a data value (0.33668341708542715); a pattern stops that.
        xy.getStyler().setXAxisDecimalPattern(decimalPattern(chart, true));
        xy.getStyler().setYAxisDecimalPattern(decimalPattern(chart, false));
        // Equally spaced x values (a K axis, a uniform grid) become the ticks themselves: keep them apart.
        xy.getStyler().setXAxisTickMarkSpacingHint(90);
        if (xy.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("chart '" + chart.title() + "' has no finite point to draw");
        }
        return xy;
    }

    /** A series of cluster centres (K-Means'), by its name: "... centres" or "... centers". */
    static boolean isCentres(Series s) {
        String name = s.name() == null ? "" : s.name().toLowerCase(Locale.ROOT);
        return name.endsWith("centres") || name.endsWith("centers");
    }

    private static void labelPoints(XYChart xy, Series s, double lift) {
        if (s.labels().isEmpty() || s.labels().size() != s.x().length || s.x().length > MAX_LABELLED_POINTS) {
            return;
        }
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && !s.labels().get(i).isBlank()) {
                // Lifted a little above its point, so the text does not sit on the marker.
                xy.addAnnotation(new AnnotationText(s.labels().get(i), s.x()[i], s.y()[i] + lift, false));
            }
        }
    }

    private static void addEllipses(XYChart xy, Chart chart, Set<String> names) {
        boolean legendShown = false;
        int component = 0;
        for (Ellipse e : chart.ellipses()) {
            component++;
            for (int j = 0; j < e.sigmas().length; j++) {
                double[][] outline = EllipseOutline.points(e.centerX(), e.centerY(), e.covariance2x2(), e.sigmas()[j],
                        ELLIPSE_POINTS);
                String name = legendShown ? unique(names, "component " + component + " at " + e.sigmas()[j] + " sigma")
                        : unique(names, "components: " + sigmaList(e.sigmas()));
                XYSeries series = xy.addSeries(name, outline[0], outline[1]);
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(ELLIPSE_COLOR);
                series.setLineStyle(j == 0 ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
                series.setLineWidth(1.5f);
                series.setShowInLegend(!legendShown);
                legendShown = true;
            }
            if (e.sigmas().length > 0) {
                XYSeries centre = xy.addSeries(unique(names, "component " + component + " mean"),
                        new double[] {e.centerX()}, new double[] {e.centerY()});
                centre.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                centre.setMarker(SeriesMarkers.CROSS);
                centre.setMarkerColor(ELLIPSE_COLOR);
                centre.setShowInLegend(false);
            }
        }
    }

    /** 4 % of the y range: how far a point's label sits above it. */
    private static double labelLift(Chart chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : chart.series()) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > min ? 0.04 * (max - min) : 0;
    }

    /** Enough decimals for the axis's range: "#,##0" for thousands, "#,##0.###" for a range of 1. */
    static String decimalPattern(Chart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : chart.series()) {
            for (double v : xAxis ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double range = max - min;
        if (!(range > 0) || !Double.isFinite(range)) {
            return "#,##0.###";
        }
        int decimals = Math.clamp(2 - (int) Math.floor(Math.log10(range)), 0, 8);
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    /** "1σ (solid), 2σ (dashed)". */
    private static String sigmaList(double[] sigmas) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < sigmas.length; j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(number(sigmas[j])).append("\u03c3").append(j == 0 ? " (solid)" : " (dashed)");
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }

    /** XChart refuses two series of one name. */
    static String unique(Set<String> names, String name) {
        String base = name == null || name.isBlank() ? "series" : name;
        String candidate = base;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = base + " (" + i + ")";
        }
        return candidate;
    }

    /** The points whose x and y are both finite (NaN and infinities cannot be placed on an axis). */
    private static double[][] finitePoints(Series s) {
        int n = Math.min(s.x().length, s.y().length);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                xs[m] = s.x()[i];
                ys[m] = s.y()[i];
                m++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, m), java.util.Arrays.copyOf(ys, m)};
    }
}
