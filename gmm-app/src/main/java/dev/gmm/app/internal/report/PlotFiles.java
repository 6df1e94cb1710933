package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.knowm.xchart.BitmapEncoder;

import dev.gmm.datasets.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** One chart to one PNG file, for commands that write a plot beside their JSON ({@code gmm select}). */
public final class PlotFiles {
    private PlotFiles() {
    }

    public static void writePng(Chart chart, Path file) throws IOException {
        var image = chart.kind() == ChartKind.BAR ? BitmapEncoder.getBufferedImage(BarChartRenderer.render(chart))
                : BitmapEncoder.getBufferedImage(XyChartRenderer.render(chart));
        writeImage(image, file);
    }

    /** An image as a PNG file, written whole or not at all ({@link AtomicFiles}). */
    static void writeImage(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JVM (javax.imageio) for " + file);
            }
        });
    }
}
