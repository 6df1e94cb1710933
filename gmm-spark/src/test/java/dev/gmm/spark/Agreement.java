package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.GaussianMixtureModel;

/** Two fits agree: parameters within a relative tolerance, lower bound within another, same n_iter. */
final class Agreement {
    private Agreement() {
    }

    static void assertSameFit(GaussianMixtureModel actual, GaussianMixtureModel expected, double parameters,
                              double lowerBound) {
        assertThat(actual.report().iterations()).as("n_iter").isEqualTo(expected.report().iterations());
        assertThat(actual.report().converged()).as("converged").isEqualTo(expected.report().converged());
        assertClose("lower bound", new double[] {actual.report().lowerBound()},
                new double[] {expected.report().lowerBound()}, lowerBound);
        assertClose("weights", actual.weights(), expected.weights(), parameters);
        for (int k = 0; k < expected.components(); k++) {
            assertClose("mean " + k, actual.means()[k], expected.means()[k], parameters);
        }
        assertClose("covariances", actual.covariances().values(), expected.covariances().values(), parameters);
        assertClose("precisions_cholesky", actual.precisionsCholesky().values(),
                expected.precisionsCholesky().values(), parameters);
    }

    /** |a − b| ≤ tol·max(|b|, 1e-300)… relative to the largest magnitude of the array, so zeros compare sanely. */
    static void assertClose(String what, double[] actual, double[] expected, double relative) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            double allowed = relative * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s vs %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(allowed);
        }
    }
}
