package dev.gmm.imaging;

import dev.gmm.core.spi.ExperimentContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentDigitsExperimentTest {

    @Test
    void generatedDigitsAreSplitIntoStrokeAndBackground() {
        var result = new SegmentDigitsExperiment().run(new ExperimentContext(null, null, 5, null, Map.of("n", "10")));

        assertThat(result.name()).isEqualTo("segment-mnist");
        assertThat(result.tables().getFirst().rows()).hasSize(10);
        // bright strokes (0.85) on dark ground (0.08) with noise sd 0.05: nearly every pixel is right
        assertThat((double) result.numbers().get("min_pixel_accuracy")).isGreaterThanOrEqualTo(0.99);
    }
}
