package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Three elongated, tilted 2-D Gaussians whose tails overlap: the case where a full-covariance
 * mixture and nearest-centre K-Means part ways. Labels are the generating component.
 */
final class OverlappingClusters {
    static final double[][] MEANS = {{0, 0}, {2.5, 2.0}, {-1.0, 3.0}};
    static final double[][][] COVARIANCES = {
            {{3.0, 1.6}, {1.6, 1.2}},
            {{0.6, -0.3}, {-0.3, 1.8}},
            {{1.5, 0.0}, {0.0, 0.4}}};

    private OverlappingClusters() {
    }

    /** {@code n} points split evenly over the three components (the first n % 3 get one more), shuffled. */
    static Dataset generate(int n, long seed) {
        if (n < MEANS.length) {
            throw new IllegalArgumentException("n = " + n + ": need at least one point per component (3)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        int i = 0;
        for (int k = 0; k < MEANS.length; k++) {
            int size = n / MEANS.length + (k < n % MEANS.length ? 1 : 0);
            double[][] c = COVARIANCES[k];
            // Cholesky of the 2 x 2 covariance: x = mean + L z.
            double l00 = Math.sqrt(c[0][0]);
            double l10 = c[1][0] / l00;
            double l11 = Math.sqrt(c[1][1] - l10 * l10);
            for (int s = 0; s < size; s++, i++) {
                double z0 = random.nextGaussian();
                double z1 = random.nextGaussian();
                x[2 * i] = MEANS[k][0] + l00 * z0;
                x[2 * i + 1] = MEANS[k][1] + l10 * z0 + l11 * z1;
                labels[i] = k;
            }
        }
        for (int a = n - 1; a > 0; a--) {
            int b = random.nextInt(a + 1);
            int l = labels[a];
            labels[a] = labels[b];
            labels[b] = l;
            for (int j = 0; j < 2; j++) {
                double t = x[2 * a + j];
                x[2 * a + j] = x[2 * b + j];
                x[2 * b + j] = t;
            }
        }
        return new Dataset("overlapping", DataMatrix.wrap(x, n, 2), labels, List.of("x0", "x1"),
                List.of("component0", "component1", "component2"));
    }

    /** The generating components at 1 and 2 σ. */
    static List<Ellipse> truth() {
        List<Ellipse> out = new ArrayList<>();
        for (int k = 0; k < MEANS.length; k++) {
            out.add(new Ellipse(MEANS[k][0], MEANS[k][1], COVARIANCES[k], Charts.SIGMAS.clone()));
        }
        return out;
    }
}
