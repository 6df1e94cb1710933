package dev.gmm.core;

import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.FittedDetector;
import dev.gmm.core.internal.GmmDensityDetector;
import dev.gmm.testsupport.OutlierBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GMM's own anomaly detector, "gmm-density", is part of the Apache-2.0 core: found by name with
 * the core alone on the path, it ranks injected outliers above the blobs, flags exactly the
 * contamination share, and refuses bad input with a message naming the problem.
 */
class GmmDensityDetectorTest {

    private static final DataMatrix THREE_ROWS = DataMatrix.of(new double[][] {{0, 0}, {1, 1}, {2, 3}});

    private static DataMatrix data(OutlierBlobs blobs) {
        return DataMatrix.of(blobs.points());
    }

    private static AnomalyDetector detector() {
        return Plugins.find(AnomalyDetector.class, "gmm-density");
    }

    @Test
    void theCoreProvidesTheDetectorByName() {
        assertThat(Plugins.names(AnomalyDetector.class)).contains("gmm-density");
        assertThat(detector()).isInstanceOf(GmmDensityDetector.class);
    }

    @ParameterizedTest(name = "contamination {0}, {1} components, {2} covariance")
    @CsvSource({"0.05, 3, full", "0.2, 3, full", "0.05, auto, auto", "0.2, auto, auto"})
    void itRanksInjectedOutliersAboveTheBlobs(double contamination, String components, String type) {
        OutlierBlobs blobs = OutlierBlobs.generate(300, contamination, 7);
        FittedDetector fitted = detector().fit(data(blobs), new AnomalyDetector.Options(
                contamination, 1, Map.of("components", components, "covariance_type", type)));

        assertThat(OutlierBlobs.rocAuc(fitted.trainingScores(), blobs.outlier())).isGreaterThanOrEqualTo(0.95);
        assertThat(OutlierBlobs.rocAuc(fitted.score(data(blobs)), blobs.outlier())).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "flags round({0} x 300) rows")
    @ValueSource(doubles = {0.05, 0.2})
    void itFlagsExactlyTheContaminationShareOfTheTrainingRows(double contamination) {
        OutlierBlobs blobs = OutlierBlobs.generate(300, contamination, 11);
        FittedDetector fitted = detector().fit(data(blobs), new AnomalyDetector.Options(contamination, 3, Map.of()));

        int expected = (int) Math.round(contamination * 300);
        assertThat(OutlierBlobs.countFlagged(fitted.flagged())).isEqualTo(expected);
        assertThat(OutlierBlobs.countFlagged(fitted.predict(data(blobs)))).isEqualTo(expected);
        double[] scores = fitted.trainingScores();
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i] > fitted.threshold()).as("row %d", i).isEqualTo(fitted.flagged()[i]);
        }
    }

    @Test
    void theScoreIsTheNegativeLogDensityOfTheMixtureOfTheSameSettingsAndSeed() {
        DataMatrix x = data(OutlierBlobs.generate(300, 0.05, 13));
        FittedDetector fitted = detector().fit(x, new AnomalyDetector.Options(0.05, 4, Map.of("components", "2")));
        double[] logDensity = GaussianMixture.builder().components(2).covarianceType("full").seed(4).build()
                .fit(x).scoreSamples(x);

        double[] scores = fitted.trainingScores();
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).as("row %d", i).isEqualTo(-logDensity[i]);
        }
    }

    @Test
    void contaminationOutsideTheHalfOpenIntervalIsRejected() {
        assertThatThrownBy(() -> new AnomalyDetector.Options(0, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contamination");
        assertThatThrownBy(() -> new AnomalyDetector.Options(0.6, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 0.5]");
    }

    @Test
    void moreComponentsThanPointsIsRejected() {
        assertThatThrownBy(() -> detector().fit(THREE_ROWS,
                new AnomalyDetector.Options(0.1, 1, Map.of("components", "4"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components = 4").hasMessageContaining("only 3 rows");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteDataIsRejected(double value) {
        DataMatrix x = DataMatrix.of(new double[][] {{0, 0}, {value, 1}, {2, 2}, {3, 1}});
        assertThatThrownBy(() -> detector().fit(x, new AnomalyDetector.Options(0.25, 1, Map.of("components", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void scoringOrPredictingDataOfAnotherWidthIsRejected() {
        FittedDetector fitted = detector().fit(data(OutlierBlobs.generate(120, 0.1, 17)),
                new AnomalyDetector.Options(0.1, 1, Map.of()));

        assertThatThrownBy(() -> fitted.score(DataMatrix.of(new double[][] {{1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 columns").hasMessageContaining("fitted on 2");
        assertThatThrownBy(() -> fitted.predict(DataMatrix.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 columns");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "covariance_type | banana | covariance_type = \"banana\"",
            "components | 0 | components = \"0\"",
            "components | three | give a whole number >= 1, or auto"})
    void aBadExtraOptionIsNamed(String option, String value, String message) {
        DataMatrix x = data(OutlierBlobs.generate(60, 0.1, 4));
        assertThatThrownBy(() -> detector().fit(x, new AnomalyDetector.Options(0.1, 1, Map.of(option, value))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aSingleRowIsTooFewToFitTheDetector() {
        DataMatrix one = DataMatrix.of(new double[][] {{1, 2}});
        assertThatThrownBy(() -> detector().fit(one, new AnomalyDetector.Options(0.5, 1, Map.of("components", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 row");
    }
}
