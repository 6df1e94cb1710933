package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.AnomalyDetector;
import dev.gmm.core.spi.Clusterer;
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
    private static final DataMatrix THREE_ROWS = DataMatrix.of(new double[][] {{0, 0}, {1, 1}, {2, 3}});

    @Test
    void theGmmDetectorRejectsMoreComponentsThanPoints() {
        assertThatThrownBy(() -> new GmmDensityDetector().fit(THREE_ROWS,
                new AnomalyDetector.Options(0.1, 1, Map.of("components", "4"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components = 4").hasMessageContaining("only 3 rows");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void infiniteValuesAreRejectedByEveryMethod(double value) {
        DataMatrix data = DataMatrix.of(new double[][] {{0, 0}, {value, 1}, {2, 2}, {3, 1}});
        assertThatThrownBy(() -> new KMeansClusterer().fit(data, new Clusterer.Options(2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        for (String name : new String[] {"gmm-density", "isolation-forest"}) {
            assertThatThrownBy(() -> Plugins.find(AnomalyDetector.class, name)
                    .fit(data, new AnomalyDetector.Options(0.25, 1, Map.of("components", "1"))))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        }
    }

    @ParameterizedTest
    @CsvSource({"gmm-density", "isolation-forest"})
    void predictingDataOfAnotherWidthIsRejected(String name) {
        Blobs blobs = Blobs.generate(120, 0.1, 2);
        var fitted = Plugins.find(AnomalyDetector.class, name).fit(blobs.data(),
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
            "isolation-forest | extension_level | 2 | extension_level",
            "gmm-density | covariance_type | banana | covariance_type",
            "gmm-density | components | 0 | components"})
    void aBadExtraOptionIsNamed(String detector, String option, String value, String message) {
        Blobs blobs = Blobs.generate(60, 0.1, 4);
        assertThatThrownBy(() -> Plugins.find(AnomalyDetector.class, detector).fit(blobs.data(),
                new AnomalyDetector.Options(0.1, 1, Map.of(option, value))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"gmm-density", "isolation-forest"})
    void aSingleRowIsTooFewToFitADetector(String name) {
        DataMatrix one = DataMatrix.of(new double[][] {{1, 2}});
        assertThatThrownBy(() -> Plugins.find(AnomalyDetector.class, name)
                .fit(one, new AnomalyDetector.Options(0.5, 1, Map.of("components", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 row");
    }
}
