package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.AnomalyDetector;
import dev.gmm.core.spi.FittedDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnomalyDetectorsTest {

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    @ParameterizedTest(name = "contamination {0}, {1} components, {2} covariance")
    @CsvSource({"0.05, 3, full", "0.2, 3, full", "0.05, auto, auto", "0.2, auto, auto"})
    void theGmmDetectorRanksInjectedOutliersAboveTheBlobs(double contamination, String components, String type) {
        Blobs blobs = Blobs.generate(300, contamination, 7);
        FittedDetector fitted = new GmmDensityDetector().fit(blobs.data(), new AnomalyDetector.Options(
                contamination, 1, Map.of("components", components, "covariance_type", type)));

        assertThat(Blobs.rocAuc(fitted.trainingScores(), blobs.outlier())).isGreaterThanOrEqualTo(0.95);
        assertThat(Blobs.rocAuc(fitted.score(blobs.data()), blobs.outlier())).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0} flags round({1} x 300) rows")
    @CsvSource({"gmm-density, 0.05", "gmm-density, 0.2", "isolation-forest, 0.05", "isolation-forest, 0.2"})
    void bothDetectorsFlagExactlyTheContaminationShareOfTheTrainingRows(String name, double contamination) {
        Blobs blobs = Blobs.generate(300, contamination, 11);
        FittedDetector fitted = Plugins.find(AnomalyDetector.class, name).fit(blobs.data(),
                new AnomalyDetector.Options(contamination, 3, Map.of()));

        int expected = (int) Math.round(contamination * 300);
        assertThat(count(fitted.flagged())).isEqualTo(expected);
        assertThat(count(fitted.predict(blobs.data()))).isEqualTo(expected);
        double[] scores = fitted.trainingScores();
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i] > fitted.threshold()).as("row %d", i).isEqualTo(fitted.flagged()[i]);
        }
    }

    @Test
    void isolationForestAlsoSeparatesTheOutliers() {
        Blobs blobs = Blobs.generate(300, 0.05, 5);
        FittedDetector fitted = new IsolationForestDetector().fit(blobs.data(),
                new AnomalyDetector.Options(0.05, 1, Map.of("trees", "200", "extension_level", "1")));

        assertThat(Blobs.rocAuc(fitted.trainingScores(), blobs.outlier())).isGreaterThan(0.9);
    }

    @Test
    void autoChoosesTheMixtureByBic() {
        Blobs blobs = Blobs.generate(300, 0.05, 13);
        FittedDetector fitted = new GmmDensityDetector().fit(blobs.data(),
                new AnomalyDetector.Options(0.05, 1, Map.of("components", "auto", "covariance_type", "auto")));

        assertThat(Blobs.rocAuc(fitted.trainingScores(), blobs.outlier())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void contaminationOutsideTheHalfOpenIntervalIsRejected() {
        assertThatThrownBy(() -> new AnomalyDetector.Options(0, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contamination");
        assertThatThrownBy(() -> new AnomalyDetector.Options(0.6, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 0.5]");
    }

    @ParameterizedTest
    @CsvSource({"gmm-density", "isolation-forest"})
    void dataWithNanIsRejected(String name) {
        DataMatrix data = DataMatrix.of(new double[][]{{0, 1}, {Double.NaN, 2}, {3, 4}, {5, 6}});
        assertThatThrownBy(() -> Plugins.find(AnomalyDetector.class, name)
                .fit(data, new AnomalyDetector.Options(0.1, 1, Map.of("components", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @ParameterizedTest
    @CsvSource({"gmm-density", "isolation-forest"})
    void scoringDataOfAnotherWidthIsRejected(String name) {
        Blobs blobs = Blobs.generate(300, 0.05, 17);
        FittedDetector fitted = Plugins.find(AnomalyDetector.class, name).fit(blobs.data(),
                new AnomalyDetector.Options(0.05, 1, Map.of()));

        assertThatThrownBy(() -> fitted.score(DataMatrix.of(new double[][]{{1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 columns").hasMessageContaining("fitted on 2");
    }
}
