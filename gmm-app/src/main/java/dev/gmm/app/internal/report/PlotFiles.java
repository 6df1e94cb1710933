package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.knowm.xchart.BitmapEncoder;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** One chart to one PNG file, for commands that write a plot beside their JSON ({@code gmm select}). */
public final class PlotFiles {
    private PlotFiles() {
    }

    public static void writePng(Chart chart, Path file) throws IOException {
        var image = chart.kind() == ChartKind.BAR ? BitmapEncoder.getBufferedImage(BarChartRenderer.render(chart))
                : BitmapEncoder.getBufferedImage(XyChartRenderer.render(chart));
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM (javax.imageio) for " + file);
        }
    }
}
