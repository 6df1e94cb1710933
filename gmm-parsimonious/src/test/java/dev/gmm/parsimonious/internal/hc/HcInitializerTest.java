package dev.gmm.parsimonious.internal.hc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.InitialResponsibilities;

import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HcInitializerTest {

    private static double[][] twoBlobs(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double shift = i % 2 == 0 ? 0 : 8;
            x[i] = new double[] {shift + random.nextGaussian(), 100 * (shift + random.nextGaussian()), random.nextGaussian()};
        }
        return x;
    }

    @Test
    void the_svd_transform_gives_orthogonal_columns_whatever_the_units() {
        double[][] x = twoBlobs(50, 1);
        double[][] z = SvdTransform.apply(x);
        double[][] rescaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rescaled[i] = new double[] {1000 * x[i][0], x[i][1] / 7, x[i][2] + 5};
        }
        double[][] again = SvdTransform.apply(rescaled);
        int d = z[0].length;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double dot = 0;
                double dotAgain = 0;
                for (int i = 0; i < z.length; i++) {
                    dot += z[i][a] * z[i][b];
                    dotAgain += again[i][a] * again[i][b];
                }
                if (a == b) { // ZᵀZ = S, the singular values of the standardized data, largest first
                    assertThat(dot).as("ZᵀZ[%d][%d]", a, a).isPositive();
                    if (a > 0) {
                        assertThat(dot).isLessThanOrEqualTo(columnSquares(z, a - 1));
                    }
                } else {
                    assertThat(dot).as("ZᵀZ[%d][%d]", a, b).isCloseTo(0, within(1e-9));
                }
                assertThat(dotAgain).as("scale-free").isCloseTo(dot, within(1e-9));
            }
        }
    }

    private static double columnSquares(double[][] z, int a) {
        double s = 0;
        for (double[] row : z) {
            s += row[a] * row[a];
        }
        return s;
    }

    @Test
    void at_most_2000_rows_start_from_the_hard_labels_of_the_whole_tree() {
        double[][] x = twoBlobs(200, 2);
        InitialResponsibilities start = new HcInitializer().initialize(DataMatrix.of(x), null, 2, new SplittableRandom(0));

        assertThat(start).isInstanceOf(InitialResponsibilities.HardLabels.class);
        int[] labels = ((InitialResponsibilities.HardLabels) start).labels();
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).as("row %d", i).isEqualTo(i % 2);
        }
    }

    @Test
    void more_rows_start_from_an_e_step_after_the_subset_s_clusters_the_same_for_the_same_seed() {
        double[][] x = twoBlobs(3000, 3);
        DataMatrix data = DataMatrix.of(x);
        InitialResponsibilities start = new HcInitializer().initialize(data, null, 2, new SplittableRandom(5));
        InitialResponsibilities again = new HcInitializer().initialize(data, null, 2, new SplittableRandom(5));

        assertThat(start).isInstanceOf(InitialResponsibilities.Soft.class);
        double[] r = ((InitialResponsibilities.Soft) start).values();
        assertThat(r).containsExactly(((InitialResponsibilities.Soft) again).values());
        int first = r[0] > 0.5 ? 0 : 1;
        for (int i = 0; i < x.length; i++) {
            assertThat(r[2 * i] + r[2 * i + 1]).isCloseTo(1, within(1e-12));
            int expected = i % 2 == 0 ? first : 1 - first;
            assertThat(r[2 * i + expected]).as("row %d", i).isGreaterThan(0.99);
        }
    }

    @Test
    void a_fit_finds_hc_by_name_and_recovers_the_blobs() {
        assertThat(Plugins.initializer("hc").name()).isEqualTo("hc");
        double[][] x = twoBlobs(300, 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covarianceType("VVV").initMethod("hc")
                .build().fit(DataMatrix.of(x));
        int[] labels = model.predict(DataMatrix.of(x));
        for (int i = 2; i < x.length; i++) {
            assertThat(labels[i] == labels[0]).as("row %d", i).isEqualTo(i % 2 == 0);
        }
    }
}
