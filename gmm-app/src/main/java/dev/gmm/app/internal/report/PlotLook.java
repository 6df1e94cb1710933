package dev.gmm.app.internal.report;

import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;

/** One look for every plot of a report: size, fonts, background, palette. */
final class PlotLook {
    static final int WIDTH = 640;
    static final int HEIGHT = 440;

    /** A palette that stays distinguishable for common colour blindness (Okabe–Ito). */
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
}
