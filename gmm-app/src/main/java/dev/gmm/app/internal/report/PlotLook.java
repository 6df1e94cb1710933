package dev.gmm.app.internal.report;

import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;

/** One look for every plot of a report: size, fonts, background, palette. */
final class PlotLook {
    static final int WIDTH = 640;
    static final int HEIGHT = 440;
    /** About what a legend beside the plot takes of the chart's width. */
    static final int LEGEND_WIDTH = 250;
    /** XChart centres a title over the plot, which starts right of the y axis: what that costs a title. */
    static final int AXIS_MARGIN = 120;

    /**
     * A palette that stays distinguishable for common colour blindness (Okabe–Ito); past its 8
     * colours a series also changes marker (circle, square, diamond, triangles), so 20 clusters
     * still look different from each other.
     */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    static {
        // Plots are drawn on servers and in CI: never ask for a display.
        System.setProperty("java.awt.headless", "true");
    }

    private PlotLook() {
    }

    static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendBorderColor(new Color(0xDDDDDD));
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
    }

    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
            org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE, org.knowm.xchart.style.markers.SeriesMarkers.SQUARE,
            org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND,
            org.knowm.xchart.style.markers.SeriesMarkers.TRIANGLE_UP,
            org.knowm.xchart.style.markers.SeriesMarkers.TRIANGLE_DOWN};

    /** Series i's marker: one shape per round of the palette. */
    static org.knowm.xchart.style.markers.Marker marker(int i) {
        return MARKERS[Math.floorMod(i / PALETTE.length, MARKERS.length)];
    }

    /**
     * The largest title font, up to 15 points, at which {@code title} fits a chart {@code width}
     * wide: XChart cuts a longer title off at both ends.
     */
    static Font titleFont(String title, int width) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            for (int size = 15; size > 9; size--) {
                Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
                if (g.getFontMetrics(font).stringWidth(title == null ? "" : title) <= width - 24) {
                    return font;
                }
            }
            return new Font(Font.SANS_SERIF, Font.BOLD, 9);
        } finally {
            g.dispose();
        }
    }
}
