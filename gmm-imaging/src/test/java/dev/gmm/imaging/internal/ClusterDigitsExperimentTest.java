package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterDigitsExperimentTest {

    @TempDir
    Path dir;

    private static ExperimentResult run(Path data, Map<String, String> options) throws IOException {
        return new ClusterDigitsExperiment().run(new ExperimentContext(data, null, 4, null, options));
    }

    @Test
    void generatedDigitsAreClusteredWithKChosenByBicAndMatchedToTheirDigits() throws IOException {
        var result = run(null, Map.of("n", "400", "pca", "12", "k", "8..12"));

        int bestK = (int) result.numbers().get("best_k");
        assertThat(bestK).isBetween(8, 12);
        assertThat((double) result.numbers().get("best_map_accuracy")).isGreaterThan(ACCURACY_FLOOR);
        assertThat((double) result.numbers().get("purity"))
                .isGreaterThanOrEqualTo((double) result.numbers().get("best_map_accuracy"));
        assertThat((double) result.numbers().get("explained_variance_ratio")).isBetween(0.0, 1.0);
        // the BIC curve has one point per K, and the chosen K is its minimum
        var bic = result.charts().stream().filter(c -> c.kind() == ExperimentResult.ChartKind.LINE).findFirst()
                .orElseThrow().series().getFirst();
        assertThat(bic.x()).containsExactly(8, 9, 10, 11, 12);
        double min = java.util.Arrays.stream(bic.y()).min().orElseThrow();
        assertThat(bic.y()[bestK - 8]).isEqualTo(min);
        assertThat((double) result.numbers().get("best_bic")).isEqualTo(min);
    }

    /**
     * Chance is 0.1. The seven-segment digits differ in whole strokes but are jittered by a pixel or two;
     * pooled 4x4 (the default for generated digits, option pool for the IDX files) the jitter mostly
     * vanishes and PCA + GMM finds nearly one cluster per digit (with fewer
     * than 10 clusters at most K/10 can be matched, 0.8 at K = 8).
     */
    private static final double ACCURACY_FLOOR = 0.75;

    @Test
    void resultHoldsTheScatterWithEllipsesTheConfusionHeatmapAndClusterMeans() throws IOException {
        var result = run(null, Map.of("n", "300", "pca", "10", "k", "10"));

        var scatter = result.charts().stream().filter(c -> c.kind() == ExperimentResult.ChartKind.SCATTER)
                .findFirst().orElseThrow();
        assertThat(scatter.series()).hasSize(10);
        assertThat(scatter.series().stream().mapToInt(s -> s.x().length).sum()).isEqualTo(300);
        assertThat(scatter.ellipses()).hasSize(10);
        var heatmap = result.heatmaps().getFirst();
        assertThat(heatmap.rowLabels()).hasSize(10).first().isEqualTo("digit 0");
        // every image is counted once in the confusion matrix
        assertThat(java.util.Arrays.stream(heatmap.values()).flatMapToDouble(java.util.Arrays::stream).sum())
                .isEqualTo(300);
        assertThat(result.pictures()).hasSize(heatmap.columnLabels().size())
                .allMatch(p -> p.width() == 28 && p.height() == 28);
    }

    @Test
    void mnistIdxFilesAreReadWhenADataPathIsGiven() throws IOException {
        ImageFiles.writeMnist(dir, 200, 21);

        var result = run(dir, Map.of("n", "150", "pca", "8", "k", "9..11", "pool", "4"));

        assertThat(result.summary()).contains("150 images").contains("MNIST");
        assertThat(result.numbers().get("n_samples")).isEqualTo(150);
        assertThat((double) result.numbers().get("best_map_accuracy")).isGreaterThan(ACCURACY_FLOOR);
    }

    @Test
    void digitsMissingFromTheSampleDoNotShiftTheConfusionRows() throws IOException {
        // 40 generated images of digits 0..9; a sample of 6 cannot hold every digit
        ImageFiles.writeMnist(dir, 40, 22);

        var result = run(dir, Map.of("n", "6", "pca", "3", "k", "2", "pool", "4"));

        // the file's image i shows digit i % 10; the run's seed (4) picks the sample
        int[] sample = dev.gmm.imaging.internal.ImageSets.sample(40, 6, 4);
        int[] digitsInSample = java.util.Arrays.stream(sample).map(i -> i % 10).distinct().sorted().toArray();
        assertThat(digitsInSample.length).isLessThan(10);
        var heatmap = result.heatmaps().getFirst();
        assertThat(heatmap.rowLabels()).containsExactly(java.util.Arrays.stream(digitsInSample)
                .mapToObj(d -> "digit " + d).toArray(String[]::new));
        for (int r = 0; r < digitsInSample.length; r++) {
            int digit = digitsInSample[r];
            long occurrences = java.util.Arrays.stream(sample).filter(i -> i % 10 == digit).count();
            assertThat(java.util.Arrays.stream(heatmap.values()[r]).sum()).isEqualTo(occurrences);
        }
        assertThat(result.pictures()).allMatch(p -> p.title().contains("mostly "));
    }

    @Test
    void poolingAveragesBlocks() {
        var images = new double[]{0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        var pooled = ClusterDigitsExperiment.pool(new ClusterDigitsExperiment.Images("t",
                dev.gmm.core.DataMatrix.wrap(images, 1, 16), 4, new int[]{0}, java.util.List.of()), 2);

        assertThat(pooled.row(0)).containsExactly(0.75, 0.25, 0.5, 0.5);
    }

    @Test
    void purityCountsEachClustersMostCommonClass() {
        // digits (rows) by clusters (columns): cluster 0 is mostly digit 0, clusters 1 and 2 both mostly digit 1
        long[][] confusion = {{8, 1, 0}, {2, 5, 4}};

        assertThat(ClusterDigitsExperiment.purity(confusion, 20)).isEqualTo((8 + 5 + 4) / 20.0);
    }

    @Test
    void badOptionsAreClearErrors() {
        assertThatThrownBy(() -> run(null, Map.of("k", "9..3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9..3").hasMessageContaining("empty");
        assertThatThrownBy(() -> run(null, Map.of("pool", "3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool = 3");
        assertThatThrownBy(() -> run(null, Map.of("n", "20", "k", "25"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the number of images");
    }
}
