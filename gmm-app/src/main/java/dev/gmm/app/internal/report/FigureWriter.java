package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.core.experiment.ExperimentResult.Picture;
import org.knowm.xchart.BitmapEncoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws every chart, heat map and picture of one result into PNG files under
 * {@code reportDir/<result name>/}. A part that cannot be drawn (no finite point, a malformed
 * matrix) becomes a figure with an error, so one bad plot never loses the rest of the report.
 */
final class FigureWriter {
    private final Path reportDir;

    FigureWriter(Path reportDir) {
        this.reportDir = reportDir;
    }

    List<Figure> write(ExperimentResult result) throws IOException {
        String folder = Slugs.slug(result.name());
        Path dir = reportDir.resolve(folder);
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        List<Figure> figures = new ArrayList<>();
        for (Chart chart : result.charts()) {
            figures.add(draw("chart", chart.title(), dir, folder, used, () -> chartImage(chart)));
        }
        for (Heatmap heatmap : result.heatmaps()) {
            figures.add(draw("heatmap", heatmap.title(), dir, folder, used,
                    () -> heatmapImage(heatmap)));
        }
        for (Picture picture : result.pictures()) {
            figures.add(draw("picture", picture.title(), dir, folder, used, () -> PictureRenderer.render(picture)));
        }
        return figures;
    }

    /** A map-like grid (a density over longitude and latitude) as a map; other matrices cell by cell. */
    private static BufferedImage heatmapImage(Heatmap heatmap) {
        return GridMapRenderer.axes(heatmap)
                .map(axes -> GridMapRenderer.render(heatmap, axes[0], axes[1]))
                .orElseGet(() -> BitmapEncoder.getBufferedImage(HeatmapRenderer.render(heatmap)));
    }

    private static BufferedImage chartImage(Chart chart) {
        if (chart.kind() == ChartKind.BAR) {
            return BitmapEncoder.getBufferedImage(BarChartRenderer.render(chart));
        }
        return BitmapEncoder.getBufferedImage(XyChartRenderer.render(chart));
    }

    private interface Drawing {
        BufferedImage draw();
    }

    private static Figure draw(String kind, String title, Path dir, String folder, Set<String> used, Drawing drawing)
            throws IOException {
        BufferedImage image;
        try {
            image = drawing.draw();
        } catch (RuntimeException e) {
            return Figure.failed(kind, title, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String name = Slugs.unique(used, kind + "-" + Slugs.slug(title)) + ".png";
        Path file = dir.resolve(name);
        PlotFiles.writeImage(image, file);
        return Figure.drawn(kind, title, folder + "/" + name);
    }
}
