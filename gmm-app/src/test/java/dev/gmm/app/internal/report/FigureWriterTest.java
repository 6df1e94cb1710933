package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.core.experiment.ExperimentResult.Picture;
import dev.gmm.core.experiment.ExperimentResult.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any result is drawn without knowing its experiment; one bad part never loses the others. */
class FigureWriterTest {
    @TempDir
    Path dir;

    private static final double[] XS = {1, 2, 3, 4};

    @Test
    void drawsChartsHeatmapsAndPicturesIntoPngFilesUnderTheResultsFolder() throws Exception {
        int[] checker = new int[4 * 2];
        Arrays.fill(checker, 0xFF000000);
        checker[1] = 0xFFFFFFFF;
        ExperimentResult r = ExperimentResult.builder("some-experiment", "A title")
                .chart(new Chart("BIC against K", ChartKind.LINE, "K", "BIC",
                        List.of(new Series("full", XS, new double[] {10, 7, 8, 9}))))
                .chart(new Chart("Clusters", ChartKind.SCATTER, "x", "y",
                        List.of(new Series("a", XS, XS)),
                        List.of(new Ellipse(2, 2, new double[][] {{1, 0.3}, {0.3, 0.5}}, new double[] {1, 2}))))
                .chart(new Chart("Silhouette", ChartKind.BAR, "", "score",
                        List.of(new Series("GMM", new double[] {0, 1}, new double[] {0.5, 0.6}, List.of("blobs", "overlap")),
                                new Series("K-Means", new double[] {0, 1}, new double[] {0.55, 0.4}, List.of("blobs", "overlap")))))
                .heatmap(new Heatmap("Correlation", List.of("a", "b"), List.of("a", "b"),
                        new double[][] {{1, -0.4}, {-0.4, 1}}))
                .picture(new Picture("tiny", 4, 2, checker))
                .build();
        List<Figure> figures = new FigureWriter(dir).write(r);

        assertThat(figures).extracting(Figure::kind).containsExactly("chart", "chart", "chart", "heatmap", "picture");
        assertThat(figures).allSatisfy(f -> {
            assertThat(f.error()).isNull();
            assertThat(f.file()).startsWith("some-experiment/").endsWith(".png");
            assertThat(ImageIO.read(dir.resolve(f.file()).toFile())).isNotNull();
        });
        BufferedImage picture = ImageIO.read(dir.resolve(figures.get(4).file()).toFile());
        int scale = PictureRenderer.scale(4, 2);
        assertThat(picture.getWidth()).isEqualTo(4 * scale);
        assertThat(picture.getHeight()).isEqualTo(2 * scale);
        // Whole-pixel enlargement: the white pixel (1, 0) fills its block, its neighbours stay black.
        assertThat(picture.getRGB(scale + scale / 2, scale / 2)).isEqualTo(0xFFFFFFFF);
        assertThat(picture.getRGB(scale / 2, scale / 2)).isEqualTo(0xFF000000);
    }

    @Test
    void aPartThatCannotBeDrawnBecomesAFigureWithTheReason() throws Exception {
        ExperimentResult r = ExperimentResult.builder("x", "x")
                .chart(new Chart("nothing finite", ChartKind.LINE, "x", "y",
                        List.of(new Series("nan", new double[] {Double.NaN}, new double[] {1}))))
                .heatmap(new Heatmap("ragged", List.of("a", "b"), List.of("a", "b"), new double[][] {{1, 2}, {3}}))
                .chart(new Chart("fine", ChartKind.LINE, "x", "y", List.of(new Series("s", XS, XS))))
                .build();
        List<Figure> figures = new FigureWriter(dir).write(r);
        assertThat(figures.get(0).file()).isNull();
        assertThat(figures.get(0).error()).contains("no finite point");
        assertThat(figures.get(2).file()).isNull();
        assertThat(figures.get(2).error()).contains("ragged");
        assertThat(figures.get(1).file()).isNotNull();
    }

    @Test
    void aDenseDensityGridIsDrawnWithoutPerCellNumbers() throws Exception {
        int n = 80;
        double[][] density = new double[n][n];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.1f", -4 + 8.0 * i / (n - 1)));
            for (int j = 0; j < n; j++) {
                double x = -4 + 8.0 * i / (n - 1);
                double y = -4 + 8.0 * j / (n - 1);
                density[i][j] = Math.exp(-(x * x + y * y) / 2);
            }
        }
        org.knowm.xchart.HeatMapChart chart = HeatmapRenderer.render(new Heatmap("density", labels, labels, density));
        assertThat(chart.getStyler().isShowValue()).isFalse();
        assertThat(chart.getStyler().isXAxisTicksVisible()).isFalse();
        assertThat(chart.getXAxisTitle()).isEqualTo("-4.0 \u2026 4.0");
        List<Figure> figures = new FigureWriter(dir).write(ExperimentResult.builder("d", "d")
                .heatmap(new Heatmap("density", labels, labels, density)).build());
        assertThat(figures.getFirst().error()).isNull();
    }

    @Test
    void ellipsesAreDrawnAtEverySigmaWithOneLegendEntry() {
        Chart chart = new Chart("c", ChartKind.SCATTER, "x", "y", List.of(new Series("points", XS, XS)),
                List.of(new Ellipse(0, 0, new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2}),
                        new Ellipse(3, 3, new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2})));
        XYChart xy = XyChartRenderer.render(chart);
        // points + 2 components x (2 outlines + 1 mean marker)
        assertThat(xy.getSeriesMap()).hasSize(1 + 2 * 3);
        assertThat(xy.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count()).isEqualTo(2);
    }

    @Test
    void barSeriesShareTheUnionOfTheirCategories() {
        Chart chart = new Chart("bars", ChartKind.BAR, "", "v", List.of(
                new Series("a", new double[] {0, 1}, new double[] {1, 2}, List.of("p", "q")),
                new Series("b", new double[] {0}, new double[] {3}, List.of("r"))));
        CategoryChart bars = BarChartRenderer.render(chart);
        assertThat(new java.util.ArrayList<Object>(bars.getSeriesMap().get("a").getXData())).containsExactly("p", "q", "r");
        assertThat(new java.util.ArrayList<Object>(bars.getSeriesMap().get("b").getYData())).containsExactly(null, null, 3.0);
    }
}
