package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.CaliforniaHousing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The experiments' own data generators and small helpers. */
class GeneratorsAndHelpersTest {

    @Test
    void overlappingClustersHaveExactCountsAndMeansWithinFourStandardErrors() {
        var d = OverlappingClusters.generate(3000, 4);
        int[] counts = new int[3];
        double[][] sums = new double[3][2];
        for (int i = 0; i < d.data().rows(); i++) {
            int k = d.labels()[i];
            counts[k]++;
            sums[k][0] += d.data().get(i, 0);
            sums[k][1] += d.data().get(i, 1);
        }
        assertThat(counts).containsExactly(1000, 1000, 1000);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                double sd = Math.sqrt(OverlappingClusters.COVARIANCES[k][j][j]);
                assertThat(sums[k][j] / counts[k]).isCloseTo(OverlappingClusters.MEANS[k][j],
                        within(4 * sd / Math.sqrt(counts[k])));
            }
        }
    }

    @Test
    void theSyntheticHousingStandInHasTheRealFeatureNamesAndCalifornianCoordinates() {
        var d = SyntheticHousing.generate(500, 1);
        assertThat(d.featureNames()).containsExactlyElementsOf(CaliforniaHousing.FEATURES);
        for (int i = 0; i < d.data().rows(); i++) {
            assertThat(d.data().get(i, DensityHousingExperiment.LATITUDE)).isBetween(30.0, 44.0);
            assertThat(d.data().get(i, DensityHousingExperiment.LONGITUDE)).isBetween(-126.0, -112.0);
            assertThat(d.data().get(i, 0)).as("MedInc").isPositive();
        }
    }

    @Test
    void correlationOfPerfectlyRelatedAndConstantColumns() {
        DataMatrix x = DataMatrix.of(new double[][] {{1, -2, 5}, {2, -4, 5}, {3, -6, 5}, {4, -8, 5}});
        double[][] r = Correlation.matrix(x);
        assertThat(r[0][1]).isCloseTo(-1.0, within(1e-12));
        assertThat(r[0][2]).isZero();
        assertThat(r[2][2]).isEqualTo(1.0);
    }

    @Test
    void meanAndSampleStandardDeviation() {
        assertThat(Stats.mean(new double[] {1, 2, 3, 4})).isEqualTo(2.5);
        assertThat(Stats.sd(new double[] {1, 2, 3, 4})).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(Stats.sd(new double[] {7})).isZero();
        assertThat(Stats.meanSd(new double[] {1, 3})).isEqualTo("2.000 ± 1.414");
    }

    @Test
    void ellipsesAreTheTwoByTwoBlocksOfTheComponentCovariances() {
        var model = dev.gmm.core.GaussianMixture.builder().components(1).covarianceType("full").build()
                .fit(DataMatrix.of(new double[][] {{0, 0, 0}, {2, 1, 4}, {4, 0, 8}, {2, -1, 4}}));
        var e = Charts.ellipses(model, 0, 2).getFirst();
        double[][] c = model.covariance(0);
        assertThat(e.centerX()).isCloseTo(2, within(1e-12));
        assertThat(e.centerY()).isCloseTo(4, within(1e-12));
        assertThat(e.covariance2x2()[0][1]).isEqualTo(c[0][2]);
        assertThat(e.covariance2x2()[1][1]).isEqualTo(c[2][2]);
        assertThat(e.sigmas()).containsExactly(1, 2);
    }
}
