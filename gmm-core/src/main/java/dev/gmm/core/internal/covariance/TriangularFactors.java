package dev.gmm.core.internal.covariance;

import dev.gmm.core.IllDefinedCovarianceException;
import dev.gmm.core.internal.linalg.Matrices;

/** Covariance ⇄ precision-factor conversions shared by the full and tied providers. */
final class TriangularFactors {
    private TriangularFactors() {
    }

    /** scikit-learn's precision Cholesky of a covariance, or its "ill-defined" error. */
    static double[] ofCovariance(double[] covariance, int d, int component, double regCovar) {
        double[] u = Matrices.precisionCholeskyOfCovariance(covariance, d);
        if (u == null) {
            throw IllDefinedCovarianceException.forComponent(component, regCovar);
        }
        return u;
    }

    /** Checks a user-given precision like scikit-learn ("should be symmetric, positive-definite"). */
    static double[] checkedPrecisionFactor(double[] precision, int d, String type) {
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

    /** Adds regCovar to the diagonal, in place. */
    static void addToDiagonal(double[] m, int d, double value) {
        for (int i = 0; i < d; i++) {
            m[i * d + i] += value;
        }
    }
}
