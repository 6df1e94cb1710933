package dev.gmm.app.internal.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EllipseOutlineTest {

    @Test
    void everyPointLiesAtTheRequestedMahalanobisDistance() {
        double[][] cov = {{4.0, 1.5}, {1.5, 1.0}};
        double det = cov[0][0] * cov[1][1] - cov[0][1] * cov[1][0];
        double[][] inv = {{cov[1][1] / det, -cov[0][1] / det}, {-cov[1][0] / det, cov[0][0] / det}};
        for (double k : new double[] {1, 2}) {
            double[][] p = EllipseOutline.points(3, -2, cov, k, 64);
            assertThat(p[0]).hasSize(65);
            for (int i = 0; i < p[0].length; i++) {
                double dx = p[0][i] - 3;
                double dy = p[1][i] + 2;
                double d2 = dx * (inv[0][0] * dx + inv[0][1] * dy) + dy * (inv[1][0] * dx + inv[1][1] * dy);
                assertThat(d2).isCloseTo(k * k, within(1e-9));
            }
        }
    }

    @Test
    void theOutlineIsClosedAndAnAxisAlignedCovarianceGivesItsHalfAxes() {
        double[][] p = EllipseOutline.points(0, 0, new double[][] {{9, 0}, {0, 1}}, 2, 4);
        assertThat(p[0][0]).isEqualTo(p[0][4]);
        assertThat(p[1][0]).isEqualTo(p[1][4]);
        // 2σ of a variance-9 axis is 6; of a variance-1 axis, 2.
        assertThat(Math.abs(p[0][0])).isCloseTo(6, within(1e-12));
        assertThat(Math.abs(p[1][1])).isCloseTo(2, within(1e-12));
    }

    @Test
    void rejectsACovarianceThatIsNotPositiveSemiDefinite() {
        assertThatThrownBy(() -> EllipseOutline.points(0, 0, new double[][] {{1, 2}, {2, 1}}, 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive semi-definite");
        assertThatThrownBy(() -> EllipseOutline.points(0, 0, new double[][] {{1, 0, 0}, {0, 1, 0}}, 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
    }
}
