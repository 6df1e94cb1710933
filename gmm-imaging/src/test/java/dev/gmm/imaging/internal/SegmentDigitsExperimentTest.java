package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.imaging.PixelMatrix;
import dev.gmm.imaging.Segmentation;
import dev.gmm.imaging.Segmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SegmentDigitsExperimentTest {

    @TempDir
    Path dir;

    @Test
    void generatedDigitsAreSplitIntoStrokeAndBackground() throws IOException {
        var result = new SegmentDigitsExperiment().run(new ExperimentContext(null, null, 5, null, Map.of("n", "10")));

        assertThat(result.name()).isEqualTo("segment-mnist");
        assertThat(result.tables()).extracting(t -> t.title()).containsExactly("Mean over images", "Per image");
        assertThat(result.tables().get(1).rows()).hasSize(10); // GMM only: K-Means is not on this module's path
        // bright strokes (0.85) on dark ground (0.08) with noise sd 0.05: nearly every pixel is right
        assertThat((double) result.numbers().get("gmm_min_pixel_accuracy")).isGreaterThanOrEqualTo(0.99);
        assertThat((double) result.numbers().get("gmm_mean_bic")).isFinite();
        assertThat((double) result.numbers().get("gmm_mean_psnr")).isGreaterThan(20);
        // the GMM's bright segment is as large as the generator's strokes
        assertThat((double) result.numbers().get("gmm_mean_foreground_fraction"))
                .isCloseTo((double) result.numbers().get("reference_mean_foreground_fraction"), within(0.01));
        assertThat((double) result.numbers().get("reference_mean_foreground_fraction")).isBetween(0.1, 0.5);
    }

    @Test
    void mnistIdxFolderIsSegmentedOverASeededSample() throws IOException {
        ImageFiles.writeMnist(dir, 30, 11);

        var a = new SegmentDigitsExperiment().run(new ExperimentContext(dir, null, 2, null, Map.of("n", "6")));
        var b = new SegmentDigitsExperiment().run(new ExperimentContext(dir, null, 2, null, Map.of("n", "6")));

        assertThat(a.summary()).contains("MNIST").contains("ink mask");
        var rows = a.tables().get(1).rows();
        assertThat(rows).hasSize(6);
        // the same seed picks the same images; the index column says which
        assertThat(rows).extracting(r -> r.get(1)).isEqualTo(b.tables().get(1).rows().stream().map(r -> r.get(1)).toList());
        assertThat(rows).extracting(r -> (Integer) r.get(1)).isSorted().allMatch(i -> i >= 0 && i < 30);
        // stroke 0.85 vs ground 0.08: the ink mask (grey >= 0.5) and the GMM's bright segment coincide
        assertThat((double) a.numbers().get("gmm_mean_pixel_accuracy")).isGreaterThan(0.98);
    }

    @Test
    void askingForMoreImagesThanTheFileHoldsUsesThemAllAndSaysSo() throws IOException {
        ImageFiles.writeMnist(dir, 4, 12);

        var result = new SegmentDigitsExperiment().run(new ExperimentContext(dir, null, 2, null, Map.of("n", "50")));

        assertThat(result.tables().get(1).rows()).hasSize(4);
        assertThat(result.findings()).anyMatch(f -> f.contains("the data holds 4"));
    }

    @Test
    void truncatedIdxFileIsAnErrorNamingIt() throws IOException {
        ImageFiles.writeMnist(dir, 4, 13);
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] raw = new java.util.zip.GZIPInputStream(Files.newInputStream(images)).readAllBytes();
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), java.util.Arrays.copyOf(raw, 500));
        Files.copy(dir.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte"));
        Path truncated = dir.resolve("t10k-images-idx3-ubyte");

        assertThatThrownBy(() -> new SegmentDigitsExperiment().run(new ExperimentContext(truncated, null, 2, null,
                Map.of()))).isInstanceOf(IOException.class).hasMessageContaining(truncated.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void blankImageHasNoForeground() {
        var pixels = PixelMatrix.fromArgb(new int[28 * 28], 28, 28, PixelMatrix.Encoding.GREY);
        Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(2, "full", 0));

        assertThat(s.report().k()).isEqualTo(1);
        assertThat(SegmentDigitsExperiment.foreground(pixels, s.labels())).containsOnly(false);
    }
}
