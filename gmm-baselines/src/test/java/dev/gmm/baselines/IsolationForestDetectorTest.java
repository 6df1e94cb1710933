package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.FittedDetector;
import dev.gmm.testsupport.OutlierBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Smile's Isolation Forest behind the core's detector SPI, found by name beside the core's "gmm-density". */
class IsolationForestDetectorTest {

    @Test
    void theForestIsFoundByNameAndTheMixtureDetectorComesFromTheCore() {
        assertThat(Plugins.find(AnomalyDetector.class, "isolation-forest")).isInstanceOf(IsolationForestDetector.class);
        assertThat(Plugins.find(AnomalyDetector.class, "gmm-density").getClass().getPackageName())
                .isEqualTo("dev.gmm.core.internal");
    }

    @ParameterizedTest(name = "flags round({0} x 300) rows")
    @ValueSource(doubles = {0.05, 0.2})
    void itFlagsExactlyTheContaminationShareOfTheTrainingRows(double contamination) {
        DataMatrix x = DataMatrix.of(OutlierBlobs.generate(300, contamination, 11).points());
        FittedDetector fitted = new IsolationForestDetector().fit(x, new AnomalyDetector.Options(contamination, 3, Map.of()));

        int expected = (int) Math.round(contamination * 300);
        assertThat(OutlierBlobs.countFlagged(fitted.flagged())).isEqualTo(expected);
        assertThat(OutlierBlobs.countFlagged(fitted.predict(x))).isEqualTo(expected);
        double[] scores = fitted.trainingScores();
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i] > fitted.threshold()).as("row %d", i).isEqualTo(fitted.flagged()[i]);
        }
    }

    @Test
    void itSeparatesTheOutliers() {
        OutlierBlobs blobs = OutlierBlobs.generate(300, 0.05, 5);
        FittedDetector fitted = new IsolationForestDetector().fit(DataMatrix.of(blobs.points()),
                new AnomalyDetector.Options(0.05, 1, Map.of("trees", "200", "extension_level", "1")));

        assertThat(OutlierBlobs.rocAuc(fitted.trainingScores(), blobs.outlier())).isGreaterThan(0.9);
    }

    @Test
    void dataWithNanIsRejected() {
        DataMatrix data = DataMatrix.of(new double[][] {{0, 1}, {Double.NaN, 2}, {3, 4}, {5, 6}});
        assertThatThrownBy(() -> new IsolationForestDetector().fit(data, new AnomalyDetector.Options(0.1, 1, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void scoringDataOfAnotherWidthIsRejected() {
        DataMatrix x = DataMatrix.of(OutlierBlobs.generate(300, 0.05, 17).points());
        FittedDetector fitted = new IsolationForestDetector().fit(x, new AnomalyDetector.Options(0.05, 1, Map.of()));

        assertThatThrownBy(() -> fitted.score(DataMatrix.of(new double[][] {{1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 columns").hasMessageContaining("fitted on 2");
    }
}
