package dev.gmm.datasets.io;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;

/**
 * Checks a model file's covariances before the core turns them into precisions, so that a damaged
 * file is reported as a damaged file (the core's own message is about fitting: "increase
 * reg_covar", which means nothing for a file). Plugin types are left to their provider.
 */
final class CovarianceCheck {
    /** Relative asymmetry beyond round-off: a fitted covariance is symmetric to the last bits. */
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    private CovarianceCheck() {
    }

    static void requirePositiveDefinite(String type, ShapedArray covariances, String where) {
        double[] v = covariances.values();
        switch (type) {
            case "full", "tied" -> {
                int d = covariances.dimension(covariances.rank() - 1);
                for (int b = 0; b * d * d < v.length; b++) {
                    String name = type.equals("tied") ? "covariances" : "covariances[" + b + "]";
                    requireSymmetricPositiveDefinite(v, b * d * d, d, name, where);
                }
            }
            case "diag", "spherical" -> {
                for (int i = 0; i < v.length; i++) {
                    if (!(v[i] > 0)) {
                        throw broken(where, "covariances entry " + i + " is " + v[i] + "; variances must be positive");
                    }
                }
            }
            default -> {
                // a plugin's shape: its provider validates it
            }
        }
    }

    /** Symmetric to round-off, and a Cholesky factorisation exists. */
    private static void requireSymmetricPositiveDefinite(double[] a, int offset, int d, String name, String where) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double x = a[offset + i * d + j];
                double y = a[offset + j * d + i];
                if (Math.abs(x - y) > SYMMETRY_TOLERANCE * Math.max(Math.abs(x), Math.abs(y))) {
                    throw broken(where, name + " is not symmetric: entry [" + i + "][" + j + "] is " + x + " but ["
                            + j + "][" + i + "] is " + y);
                }
            }
        }
        double[] block = java.util.Arrays.copyOfRange(a, offset, offset + d * d);
        if (Matrices.choleskyLower(block, d) == null) {
            throw broken(where, name + " is not positive definite");
        }
    }

    private static IllegalArgumentException broken(String where, String what) {
        return new IllegalArgumentException(where + " is broken: " + what + "; a covariance gmm fit writes is "
                + "symmetric positive definite, so the file was changed or damaged: fit the model again");
    }
}
