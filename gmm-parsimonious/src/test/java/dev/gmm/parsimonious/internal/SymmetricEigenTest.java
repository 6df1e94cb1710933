package dev.gmm.parsimonious.internal;

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
            double[] rebuilt = Dense.fromColumns(v, values, d);
            for (int i = 0; i < d * d; i++) {
                assertThat(rebuilt[i]).as("d %d entry %d", d, i).isCloseTo(a[i], within(1e-13));
            }
            double[] gram = Dense.multiply(dev.gmm.core.linalg.Matrices.transpose(v, d), v, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertThat(gram[i * d + j]).isCloseTo(i == j ? 1 : 0, within(1e-13));
                }
                if (i > 0) {
                    assertThat(values[i]).isLessThanOrEqualTo(values[i - 1]);
                }
            }
        }
    }

    @Test
    void the_polar_factor_of_zero_is_the_identity_as_lapack_gives_it() {
        double[] polar = Dense.orthogonalPolarFactor(new double[9], 3);
        assertThat(polar).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }
}
