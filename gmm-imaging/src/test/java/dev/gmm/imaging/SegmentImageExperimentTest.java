package dev.gmm.imaging;

import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
