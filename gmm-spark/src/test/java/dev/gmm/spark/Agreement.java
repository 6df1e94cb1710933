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

    /**
     * As {@link #assertSameFit}, with the components of both put in one canonical order first (by their
     * means): starts that reach the same optimum under other labels are the same fit, and which of two
     * such starts wins by a last-bit difference of lower bound is not a property of the fit.
     */
    static void assertSameMixture(GaussianMixtureModel actual, GaussianMixtureModel expected, double parameters,
                                  double lowerBound) {
        assertClose("lower bound", new double[] {actual.report().lowerBound()},
                new double[] {expected.report().lowerBound()}, lowerBound);
        Canonical a = Canonical.of(actual);
        Canonical b = Canonical.of(expected);
        assertClose("weights", a.weights, b.weights, parameters);
        assertClose("means", a.means, b.means, parameters);
        assertClose("covariances", a.covariances, b.covariances, parameters);
    }

    private record Canonical(double[] weights, double[] means, double[] covariances) {
        static Canonical of(GaussianMixtureModel m) {
            int k = m.components();
            Integer[] order = new Integer[k];
            java.util.Arrays.setAll(order, i -> i);
            double[][] means = m.means();
            java.util.Arrays.sort(order, (x, y) -> java.util.Arrays.compare(means[x], means[y]));
            double[] cov = m.covariances().values();
            boolean shared = m.covarianceType().equals("tied");
            int block = shared ? 0 : cov.length / k;
            int d = m.features();
            double[] w = new double[k];
            double[] mu = new double[k * d];
            double[] c = shared ? cov.clone() : new double[cov.length];
            for (int i = 0; i < k; i++) {
                w[i] = m.weights()[order[i]];
                System.arraycopy(means[order[i]], 0, mu, i * d, d);
                if (!shared) {
                    System.arraycopy(cov, order[i] * block, c, i * block, block);
                }
            }
            return new Canonical(w, mu, c);
        }
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
