package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Scalers and PCA. */
class TransformsTest {
    private final DataMatrix x = DataMatrix.of(new double[][] {{1, 10, 5}, {2, 20, 5}, {3, 60, 5}, {6, 30, 5}});

    @Test
    void theStandardScalerGivesZeroMeanUnitVarianceAndInvertsExactlyEnough() {
        StandardScaler s = StandardScaler.fit(x);
        DataMatrix z = s.transform(x);
        for (int j = 0; j < 2; j++) {
            double m = 0;
            double v = 0;
            for (int i = 0; i < 4; i++) {
                m += z.get(i, j) / 4;
                v += z.get(i, j) * z.get(i, j) / 4;
            }
            assertThat(m).isCloseTo(0, within(1e-12));
            assertThat(v).isCloseTo(1, within(1e-12));
        }
        assertThat(z.get(0, 2)).isZero();
        DataMatrix back = s.inverseTransform(z);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(back.get(i, j)).isCloseTo(x.get(i, j), within(1e-12));
            }
        }
        assertThatThrownBy(() -> s.transform(DataMatrix.of(new double[][] {{1, 2}}))).hasMessageContaining("3");
    }

    @Test
    void theMinMaxScalerMapsOntoTheUnitInterval() {
        MinMaxScaler s = MinMaxScaler.fit(x);
        DataMatrix z = s.transform(x);
        assertThat(z.get(0, 0)).isZero();
        assertThat(z.get(3, 0)).isEqualTo(1.0);
        assertThat(z.get(1, 1)).isCloseTo(0.2, within(1e-15));
        assertThat(s.inverseTransform(z).get(2, 1)).isCloseTo(60, within(1e-12));
    }

    @Test
    void pcaFindsTheDirectionOfLargestVariance() {
        double[][] pts = new double[200][2];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (double[] p : pts) {
            double t = 5 * r.nextGaussian();
            double e = 0.1 * r.nextGaussian();
            p[0] = (t - e) / Math.sqrt(2) + 7;
            p[1] = (t + e) / Math.sqrt(2) - 2;
        }
        Pca pca = Pca.fit(DataMatrix.of(pts), 1);
        assertThat(pca.components()[0][0]).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(pca.components()[0][1]).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(pca.explainedVariance()[0]).isCloseTo(25, within(5.0));
        DataMatrix y = pca.transform(DataMatrix.of(pts));
        assertThat(y.cols()).isEqualTo(1);
        assertThatThrownBy(() -> Pca.fit(DataMatrix.of(pts), 3)).hasMessageContaining("k = 3");
    }
}
