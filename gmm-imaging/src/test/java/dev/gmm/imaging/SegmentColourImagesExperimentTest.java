package dev.gmm.imaging;

import dev.gmm.core.spi.ExperimentContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentColourImagesExperimentTest {

    @Test
    void moreSegmentsGiveHigherPsnrOnGeneratedColourImages() {
        var two = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(null, null, 1, null, Map.of("n", "4", "k", "2")));
        var six = new SegmentColourImagesExperiment()
                .run(new ExperimentContext(null, null, 1, null, Map.of("n", "4", "k", "6")));

        assertThat(two.name()).isEqualTo("segment-cifar");
        assertThat(two.tables().getFirst().rows()).hasSizeGreaterThanOrEqualTo(4);
        assertThat((double) six.numbers().get("gmm_mean_psnr"))
                .isGreaterThan((double) two.numbers().get("gmm_mean_psnr"));
    }
}
