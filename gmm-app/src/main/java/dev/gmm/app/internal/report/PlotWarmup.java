package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Series;

import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Loads the plotting stack — XChart, Java2D with its fonts, the PNG writer — on a background thread
 * while a command does its real work, so that its plots cost the time to draw them, not the time to
 * start drawing. In a cold process that start is the larger part: {@code gmm select --out} spent more
 * time loading and initialising these classes than fitting four mixtures to 20,000 rows, work that an
 * otherwise idle second core can do meanwhile. Class initialisation is thread-safe, so the command's
 * own plots simply find the classes ready (or wait for the warm-up to finish them).
 */
public final class PlotWarmup {
    private PlotWarmup() {
    }

    /** Starts warming up on a daemon thread and returns at once. */
    public static void start() {
        Thread.ofPlatform().daemon().name("plot-warm-up").start(PlotWarmup::drawOnce);
    }

    private static void drawOnce() {
        try {
            Series line = new Series("warm-up", new double[] {1, 2}, new double[] {1, 2}, List.of("", ""));
            Chart chart = new Chart("warm-up", ChartKind.LINE, "x", "y", List.of(line));
            ImageIO.write(org.knowm.xchart.BitmapEncoder.getBufferedImage(XyChartRenderer.render(chart)), "png",
                    OutputStream.nullOutputStream());
        } catch (Throwable ignored) {
            // nothing is lost: a plot that cannot be drawn reports its own error when the command draws it
        }
    }
}
