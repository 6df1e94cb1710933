package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CovarianceTest {
    private static final DataMatrix XY = DataMatrix.of(new double[][] {{1, 2, 5}, {2, 4, 5}, {3, 6, 5}, {4, 8.5, 5}});

    @Test
    void theSampleCovarianceDividesByNMinusOne() {
        double[][] c = Covariance.matrix(XY);
        assertThat(c[0][0]).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(c[0][1]).isEqualTo(c[1][0]).isCloseTo(10.75 / 3, within(1e-12));
        assertThat(c[2][2]).isZero();
    }

    @Test
    void correlationIsOneOnTheDiagonalAndZeroAgainstAConstantColumn() {
        double[][] r = Covariance.correlation(XY);
        assertThat(r[0][0]).isEqualTo(1);
        assertThat(r[2][2]).isEqualTo(1);
        assertThat(r[0][2]).isZero();
        assertThat(r[0][1]).isGreaterThan(0.99).isLessThan(1);
    }

    @Test
    void largeOffsetsDoNotCancel() {
        DataMatrix shifted = DataMatrix.of(new double[][] {{1e9 + 1}, {1e9 + 2}, {1e9 + 3}});
        assertThat(Covariance.matrix(shifted)[0][0]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void oneRowIsRefused() {
        assertThatThrownBy(() -> Covariance.matrix(DataMatrix.of(new double[][] {{1, 2}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
