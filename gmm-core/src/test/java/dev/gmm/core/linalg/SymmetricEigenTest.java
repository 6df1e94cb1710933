package dev.gmm.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void reconstructs_random_symmetric_matrices_with_orthonormal_vectors_and_decreasing_values() {
        SplittableRandom random = new SplittableRandom(7);
        for (int d : new int[] {1, 2, 3, 5, 8, 13}) {
            double[] a = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    a[i * d + j] = random.nextDouble(-1, 1);
                    a[j * d + i] = a[i * d + j];
                }
            }
            SymmetricEigen e = SymmetricEigen.of(a, d);
            double[] values = e.values();
            double[] v = e.vectors();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double rebuilt = 0;
                    double gram = 0;
                    for (int m = 0; m < d; m++) {
                        rebuilt += v[i * d + m] * values[m] * v[j * d + m];
                        gram += v[m * d + i] * v[m * d + j];
                    }
                    assertThat(rebuilt).as("d %d entry [%d][%d]", d, i, j).isCloseTo(a[i * d + j], within(1e-13));
                    assertThat(gram).isCloseTo(i == j ? 1 : 0, within(1e-13));
                }
                if (i > 0) {
                    assertThat(values[i]).isLessThanOrEqualTo(values[i - 1]);
                }
            }
        }
    }
}
