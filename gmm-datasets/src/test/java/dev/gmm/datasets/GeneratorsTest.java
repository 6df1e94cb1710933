package dev.gmm.datasets;

import dev.gmm.core.app.spi.Dataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Seeded synthetic data with make_blobs statistics. */
class GeneratorsTest {

    private static double[] meanOf(Dataset d, int label) {
        double[] m = new double[d.data().cols()];
        int n = 0;
        for (int i = 0; i < d.data().rows(); i++) {
            if (d.labels()[i] == label) {
                n++;
                for (int j = 0; j < m.length; j++) {
                    m[j] += d.data().get(i, j);
                }
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= n;
        }
        return m;
    }

    private static int count(int[] labels, int value) {
        int c = 0;
        for (int l : labels) {
            c += l == value ? 1 : 0;
        }
        return c;
    }

    @Test
    void blobsSplitSamplesEvenlyAndCentreThemWithin4SigmaOverRootN() {
        int[][] sizes = {{400, 300, 200}};
        double[][] centres = {{-5, 0}, {0, 5}, {6, -3}};
        double[] std = {0.5, 1.0, 2.0};
        Dataset d = Generators.blobs(sizes[0], centres, std, true, 11);
        for (int k = 0; k < 3; k++) {
            assertThat(count(d.labels(), k)).isEqualTo(sizes[0][k]);
            double[] m = meanOf(d, k);
            for (int j = 0; j < 2; j++) {
                assertThat(m[j]).isCloseTo(centres[k][j], within(4 * std[k] / Math.sqrt(sizes[0][k])));
            }
        }
        Dataset even = Generators.blobs(10, 3, 3, 1.0, 5);
        assertThat(new int[] {count(even.labels(), 0), count(even.labels(), 1), count(even.labels(), 2)})
                .containsExactly(4, 3, 3);
        assertThat(even.data().cols()).isEqualTo(3);
    }

    @Test
    void aTotalOverGivenCentresIsSplitEvenly() {
        Dataset d = Generators.blobs(7, new double[][] {{0}, {10}}, new double[] {0.1}, false, 1);
        assertThat(count(d.labels(), 0)).isEqualTo(4);
        assertThat(count(d.labels(), 1)).isEqualTo(3);
        assertThat(d.labels()).startsWith(0, 0, 0, 0, 1);
        assertThat(d.data().get(6, 0)).isCloseTo(10, within(1.0));
    }

    @Test
    void theSameSeedGivesTheSameDataAndADifferentSeedDifferentData() {
        assertThat(Generators.blobs(50, 2, 3, 1, 1).data().toArray())
                .isDeepEqualTo(Generators.blobs(50, 2, 3, 1, 1).data().toArray());
        assertThat(Generators.blobs(50, 2, 3, 1, 2).data().get(0, 0))
                .isNotEqualTo(Generators.blobs(50, 2, 3, 1, 1).data().get(0, 0));
    }

    @Test
    void theStudyMixtureHasItsMeansAndWeights() {
        Dataset d = Generators.studyMixture1d(3000, 3);
        assertThat(count(d.labels(), 0)).isEqualTo(900);
        assertThat(count(d.labels(), 2)).isEqualTo(1200);
        assertThat(meanOf(d, 0)[0]).isCloseTo(2, within(4 * 0.2 / Math.sqrt(900)));
        assertThat(meanOf(d, 1)[0]).isCloseTo(5, within(4 * 0.5 / Math.sqrt(900)));
        assertThat(meanOf(d, 2)[0]).isCloseTo(8, within(4 * 0.8 / Math.sqrt(1200)));
    }

    @Test
    void outliersAreTheContaminationShareAndLabelledOne() {
        Dataset d = Generators.blobsWithOutliers(1000, 2, 3, 0.5, 0.05, 9);
        assertThat(count(d.labels(), 1)).isEqualTo(50);
        assertThat(d.labelNames()).containsExactly("inlier", "outlier");
    }

    @Test
    void theAnisotropicTransformMultipliesEverySample() {
        Dataset d = Generators.blobs(20, 2, 2, 1, 4);
        Dataset a = Generators.anisotropic(d, new double[][] {{0.6, -0.6}, {-0.4, 0.8}});
        assertThat(a.data().get(3, 0)).isEqualTo(d.data().get(3, 0) * 0.6 + d.data().get(3, 1) * -0.4);
        assertThat(a.labels()).isEqualTo(d.labels());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Generators.blobs(2, 2, 3, 1, 1)).hasMessageContaining("n = 2");
        assertThatThrownBy(() -> Generators.blobsWithOutliers(10, 2, 1, 1, 1.5, 1)).hasMessageContaining("contamination");
    }
}
