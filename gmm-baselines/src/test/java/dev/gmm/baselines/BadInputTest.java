package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.testsupport.OutlierBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 5's bad input, for every provider of the module: each mistake fails with an
 * IllegalArgumentException that names the problem, never with NaN scores or a Smile stack trace.
 */
class BadInputTest {

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void infiniteValuesAreRejectedByEveryMethod(double value) {
        DataMatrix data = DataMatrix.of(new double[][] {{0, 0}, {value, 1}, {2, 2}, {3, 1}});
        assertThatThrownBy(() -> new KMeansClusterer().fit(data, new Clusterer.Options(2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> new IsolationForestDetector().fit(data, new AnomalyDetector.Options(0.25, 1, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void predictingDataOfAnotherWidthIsRejected() {
        OutlierBlobs blobs = OutlierBlobs.generate(120, 0.1, 2);
        var fitted = new IsolationForestDetector().fit(DataMatrix.of(blobs.points()),
                new AnomalyDetector.Options(0.1, 1, Map.of()));
        assertThatThrownBy(() -> fitted.predict(DataMatrix.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 columns");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "isolation-forest | trees | 0 | trees",
            "isolation-forest | trees | many | trees",
            "isolation-forest | subsample | 1.5 | (0, 1)",
            "isolation-forest | subsample | 1 | subsample = \"1\": give a fraction in (0, 1)",
            "isolation-forest | extension_level | 2 | extension_level"})
    void aBadExtraOptionIsNamed(String detector, String option, String value, String message) {
        OutlierBlobs blobs = OutlierBlobs.generate(60, 0.1, 4);
        assertThatThrownBy(() -> Plugins.find(AnomalyDetector.class, detector).fit(DataMatrix.of(blobs.points()),
                new AnomalyDetector.Options(0.1, 1, Map.of(option, value))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aSingleRowIsTooFewToFitTheForest() {
        DataMatrix one = DataMatrix.of(new double[][] {{1, 2}});
        assertThatThrownBy(() -> new IsolationForestDetector().fit(one, new AnomalyDetector.Options(0.5, 1, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 row");
    }
}
