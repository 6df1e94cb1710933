package dev.gmm.imaging.internal;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PsnrComparisonTest {

    @Test
    void countsWinsTiesAndLossesAndSaysAllThree() {
        PsnrComparison c = new PsnrComparison();
        c.add(21.0, 20.0);      // win
        c.add(21.0, 21.0);      // tie
        c.add(18.901, 18.905);  // a 0.004 dB difference is below the printed precision: a tie
        c.add(19.0, 21.8);      // loss
        var result = ExperimentResult.builder("x", "x");
        c.writeTo(result, "images");
        ExperimentResult r = result.build();

        assertThat(r.numbers()).containsEntry("gmm_higher_psnr", 1).containsEntry("gmm_equal_psnr", 2)
                .containsEntry("gmm_lower_psnr", 1);
        assertThat(r.findings()).containsExactly(
                "GMM's PSNR against K-Means' over 4 images: higher on 1, equal (within 0.01 dB) on 2, lower on 1");
    }
}
