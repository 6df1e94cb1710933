package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.ExperimentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentColourImagesExperimentTest {

    @TempDir
    Path dir;

    @Test
    void moreSegmentsGiveHigherPsnrOnGeneratedColourImages() throws IOException {
        var two = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(null, null, 1, null, Map.of("n", "4", "k", "2")));
        var six = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(null, null, 1, null, Map.of("n", "4", "k", "6")));

        assertThat(two.name()).isEqualTo("segment-cifar");
        assertThat(two.tables().get(1).rows()).hasSize(4);
        assertThat((double) six.numbers().get("gmm_mean_psnr"))
                .isGreaterThan((double) two.numbers().get("gmm_mean_psnr"));
    }

    /** Five generated 32x32 images with classes 0..4, as one CIFAR-10 binary batch's bytes. */
    private static byte[] batch() {
        List<int[]> images = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            images.add(SyntheticImages.shapes(32, 32, 0.03, 40 + i));
        }
        return ImageFiles.cifarRecords(images, new int[]{0, 1, 2, 3, 4});
    }

    @Test
    void cifarBatchIsReadAndItsImagesSegmentedWithTheirClasses() throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), batch());

        var result = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(file, null, 3, null, Map.of("n", "3", "k", "3")));

        var rows = result.tables().get(1).rows();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> (String) r.get(2)).isSubsetOf("airplane", "automobile", "bird", "cat", "deer");
        assertThat(rows).extracting(r -> r.get(4)).containsOnly(3);
        // three flat segments for a background gradient and three shapes: about 18 dB; one colour gives about 12
        assertThat((double) result.numbers().get("gmm_mean_psnr")).isGreaterThan(15);
        assertThat(result.pictures()).hasSize(6); // original and GMM for each of the 3 images
    }

    @Test
    void folderWithAnOddlyNamedBatchIsReadToo() throws IOException {
        Files.write(dir.resolve("first5_cifar10_binary_format.bin"), batch());

        var result = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(dir, null, 3, null, Map.of("n", "10", "k", "2")));

        assertThat(result.tables().get(1).rows()).hasSize(5);
        assertThat(result.findings()).anyMatch(f -> f.contains("the data holds 5"));
    }

    @Test
    void truncatedBatchIsAnErrorNamingTheFile() throws IOException {
        byte[] bytes = batch();
        Path file = Files.write(dir.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> new SegmentColourImagesExperiment()
                .run(new ExperimentContext(file, null, 3, null, Map.of())))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString()).hasMessageContaining("truncated");
    }

    @Test
    void folderWithoutImagesIsAnErrorSayingWhatToGive() {
        assertThatThrownBy(() -> new SegmentColourImagesExperiment()
                .run(new ExperimentContext(dir, null, 3, null, Map.of())))
                .isInstanceOf(IOException.class).hasMessageContaining("data_batch_N.bin");
    }
}
