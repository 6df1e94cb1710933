package dev.gmm.core.linalg;

import dev.gmm.core.spi.IllDefinedCovarianceException;

/**
 * Covariance ⇄ precision-factor conversions for covariance models, with scikit-learn's errors: a
 * covariance that is not positive definite is an {@link IllDefinedCovarianceException} (the fit can
 * skip or report it), a user-given precision that is not symmetric positive definite an
 * {@link IllegalArgumentException} that says what to pass instead.
 */
public final class PrecisionFactors {
    private PrecisionFactors() {
    }

    /**
     * scikit-learn's precision Cholesky of a fitted covariance: upper-triangular U with U·Uᵀ the
     * precision.
     *
     * @throws IllDefinedCovarianceException when the covariance is not positive definite
     */
    public static double[] ofCovariance(double[] covariance, int d, int component, double regCovar) {
        double[] u = Matrices.precisionCholeskyOfCovariance(covariance, d);
        if (u == null) {
            throw IllDefinedCovarianceException.forComponent(component, regCovar);
        }
        return u;
    }

    /**
     * An upper-triangular factor of a user-given precision, checked as scikit-learn checks
     * {@code precisions_init} ("should be symmetric, positive-definite").
     *
     * @param type the covariance type, for the message
     */
    public static double[] ofPrecision(double[] precision, int d, String type) {
        if (!Matrices.isSymmetric(precision, d)) {
            throw new IllegalArgumentException("'" + type + " precision' should be symmetric, positive-definite,"
                    + " but it is not symmetric: pass P with P[i][j] == P[j][i]");
        }
        double[] u = Matrices.upperFactorOfPrecision(precision, d);
        if (u == null) {
            throw new IllegalArgumentException("'" + type + " precision' should be symmetric, positive-definite,"
                    + " but it is not positive-definite: pass the inverse of a valid covariance matrix");
        }
        return u;
    }

    /**
     * 1/√variance for each variance: the diagonal precision factor.
     *
     * @throws IllDefinedCovarianceException when a variance is not positive
     */
    public static double[] ofVariances(double[] variances, int component, double regCovar) {
        double[] s = new double[variances.length];
        for (int j = 0; j < s.length; j++) {
            if (!(variances[j] > 0)) {
                throw IllDefinedCovarianceException.forComponent(component, regCovar);
            }
            s[j] = 1 / Math.sqrt(variances[j]);
        }
        return s;
    }

    /** Checks one user-given diagonal precision entry, as scikit-learn does ("should be positive"). */
    public static void requirePositivePrecision(double value, String type) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("'" + type + " precision' should be positive, but got " + value
                    + ": pass 1/variance for each entry");
        }
    }
}
