package dev.gmm.parsimonious.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.parsimonious.MclustModel;

import org.junit.jupiter.api.Test;

class PreviousEstimateTest {
    private static final int D = 4;

    private static CovarianceParameters parameters(double[][] covariances) {
        double[] flat = new double[covariances.length * D * D];
        for (int k = 0; k < covariances.length; k++) {
            System.arraycopy(covariances[k], 0, flat, k * D * D, D * D);
        }
        return new CommonOrientationModels.Vve().fromCovariances(
                new ShapedArray(new int[] {covariances.length, D, D}, flat), covariances.length, D);
    }

    @Test
    void recovers_the_common_orientation_and_each_shape_even_when_one_component_has_a_repeated_eigenvalue() {
        double[] o = DensePolarFactorTest.randomOrthogonal(7);
        double[][] shapes = {{2, 1, 1, 0.5}, {4, 0.5, 1, 0.5}, {1, 1, 2, 0.5}};
        double[] volumes = {0.3, 2, 1};
        double[][] covariances = new double[3][];
        for (int k = 0; k < 3; k++) {
            double[] values = shapes[k].clone();
            for (int j = 0; j < D; j++) {
                values[j] *= volumes[k];
            }
            covariances[k] = Dense.fromRows(o, values, D);
        }
        PreviousEstimate previous = PreviousEstimate.of(parameters(covariances), 3, D);

        double[] recovered = previous.commonOrientation();
        double[][] recoveredShapes = previous.shapesAlong(recovered);
        double[] recoveredVolumes = previous.volumes();
        for (int k = 0; k < 3; k++) {
            assertThat(Dense.geometricMean(recoveredShapes[k])).isCloseTo(1, within(1e-13));
            assertThat(recoveredVolumes[k]).isCloseTo(volumes[k] * Dense.geometricMean(shapes[k]), within(1e-12));
            double[] values = recoveredShapes[k].clone();
            for (int j = 0; j < D; j++) {
                values[j] *= recoveredVolumes[k];
            }
            double[] rebuilt = Dense.fromRows(recovered, values, D);
            for (int i = 0; i < D * D; i++) {
                assertThat(rebuilt[i]).as("component %d entry %d", k, i).isCloseTo(covariances[k][i], within(1e-12));
            }
        }
    }

    @Test
    void there_is_nothing_to_resume_from_without_parameters_or_with_another_shape() {
        double[][] covariances = {Matrices.diagonalMatrix(new double[] {1, 2, 3, 4})};
        assertThat(PreviousEstimate.of(null, 1, D)).isNull();
        assertThat(PreviousEstimate.of(parameters(covariances), 2, D)).as("another K").isNull();
        assertThat(MclustModel.EVE.iterativeMStep()).isTrue();
    }
}
