package dev.gmm.parsimonious.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gmm.core.linalg.Matrices;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DensePolarFactorTest {
    private static final int D = 4;

    /** A 4×4 rotation: the polar factor of a random Gaussian matrix. */
    static double[] randomOrthogonal(long seed) {
        Random random = new Random(seed);
        double[] m = new double[D * D];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
        return Dense.orthogonalPolarFactor(m, D);
    }

    /**
     * EVE's F is nearly singular by construction; its polar factor must keep the small singular
     * directions (a factor computed through FᵀF squares them below rounding and loses those digits).
     */
    @Test
    void the_polar_factor_of_a_nearly_singular_matrix_is_accurate_in_every_direction() {
        double[] p = randomOrthogonal(1);
        double[] r = randomOrthogonal(2);
        double[] f = Dense.multiply(Dense.multiply(p, Matrices.diagonalMatrix(new double[] {3, 1, 1e-6, 1e-8}), D),
                Matrices.transpose(r, D), D);
        double[] expected = Dense.multiply(p, Matrices.transpose(r, D), D);

        double[] polar = Dense.orthogonalPolarFactor(f, D);

        for (int i = 0; i < D * D; i++) {
            assertThat(polar[i]).as("entry %d", i).isCloseTo(expected[i], within(1e-7));
        }
    }

    @Test
    void the_polar_factor_of_zero_is_the_identity_as_lapack_gives_it() {
        double[] polar = Dense.orthogonalPolarFactor(new double[9], 3);
        assertThat(polar).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }
}
