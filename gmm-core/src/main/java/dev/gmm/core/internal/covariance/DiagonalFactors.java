package dev.gmm.core.internal.covariance;

import dev.gmm.core.IllDefinedCovarianceException;

/** Variance ⇄ precision-factor conversions shared by the diag and spherical providers. */
final class DiagonalFactors {
    private DiagonalFactors() {
    }

    /** 1/√variance, or scikit-learn's "ill-defined" error when a variance is not positive. */
    static double[] ofVariances(double[] variances, int component, double regCovar) {
        double[] s = new double[variances.length];
        for (int j = 0; j < s.length; j++) {
            if (!(variances[j] > 0)) {
                throw IllDefinedCovarianceException.forComponent(component, regCovar);
            }
            s[j] = 1 / Math.sqrt(variances[j]);
        }
        return s;
    }

    static void requirePositive(double value, String type) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("'" + type + " precision' should be positive, but got " + value
                    + ": pass 1/variance for each entry");
        }
    }
}
