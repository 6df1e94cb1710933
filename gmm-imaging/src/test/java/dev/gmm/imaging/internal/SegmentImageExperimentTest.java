package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentImageExperimentTest {

    @Test
    void findingsSayWhatMoreSegmentsBuyInTheTablesNumbers() throws Exception {
        ExperimentResult r = new SegmentImageExperiment()
                .run(new ExperimentContext(null, null, 0, null, Map.of("k", "2,6")));

        double gain = (double) r.numbers().get("gmm_k6_psnr") - (double) r.numbers().get("gmm_k2_psnr");
        assertThat(gain).isPositive();
        assertThat(r.findings()).contains(String.format(Locale.ROOT,
                "gmm: K=6 instead of K=2 raises the PSNR by %.2f dB", gain));
    }

    @Test
    void segmentImageExperimentRunsOnAGeneratedImage() throws Exception {
        var context = new ExperimentContext(null, null, 3, null, Map.of("k", "2,4"));

        var result = new SegmentImageExperiment().run(context);

        assertThat(result.name()).isEqualTo("segment-image");
        assertThat(result.pictures()).extracting(p -> p.title()).contains("original", "gmm K=2 recoloured",
                "gmm K=4 recoloured");
        assertThat(result.tables()).hasSize(1);
        assertThat(result.tables().getFirst().rows()).hasSizeGreaterThanOrEqualTo(2);
        // more segments fit the image better
        assertThat((double) result.numbers().get("gmm_k4_psnr"))
                .isGreaterThan((double) result.numbers().get("gmm_k2_psnr"));
    }

    @Test
    void segmentImageTakesAPositionWeight() throws Exception {
        var result = new SegmentImageExperiment().run(new ExperimentContext(null, null, 3, null,
                Map.of("k", "3", "position-weight", "0.5")));

        assertThat(result.summary()).contains("pixel positions weighted 0.5");
        assertThat((double) result.numbers().get("gmm_k3_psnr")).isFinite();
        assertThatThrownBy(() -> new SegmentImageExperiment().run(new ExperimentContext(null, null, 3, null,
                Map.of("position-weight", "far")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option position-weight=far");
    }

    @Test
    void badListOfKIsAClearError() {
        var context = new ExperimentContext(null, null, 3, null, Map.of("k", "2,x"));
        assertThatThrownBy(() -> new SegmentImageExperiment().run(context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"x\"");
    }

    @Test
    void aListOfKWhereOneNumberIsExpectedIsRefused() {
        // segment-cifar takes one K: "2,3" used to be read as 2
        assertThatThrownBy(() -> new SegmentColourImagesExperiment().run(new ExperimentContext(null, null, 1, null,
                Map.of("k", "2,3")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("option k=2,3: \"2,3\" is not one whole number");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> new SegmentImageExperiment().run(new ExperimentContext(null, null, 1, null,
                Map.of("kk", "2")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("experiment 'segment-image' has no option 'kk'; its options: k (default 2,8)");
    }

    @Test
    void segmentImageExperimentOnACorruptFileIsAnErrorNamingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        var file = java.nio.file.Files.write(dir.resolve("broken.jpg"), new byte[]{(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        var context = new ExperimentContext(file, null, 3, null, Map.of());

        assertThatThrownBy(() -> new SegmentImageExperiment().run(context))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining(file.toString());
    }
}
