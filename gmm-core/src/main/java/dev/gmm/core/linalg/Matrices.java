package dev.gmm.core.linalg;

/**
 * The small dense linear algebra a covariance model needs, on D·D row-major {@code double[]} arrays:
 * Cholesky factors, triangular inverses, U·Uᵀ, symmetric checks. Exported so that a plugin can write a
 * full-matrix covariance model without copying them; {@link PrecisionFactors} adds the conversions
 * with scikit-learn's error messages.
 */
public final class Matrices {
    private Matrices() {
    }

    /**
     * The lower Cholesky factor L of a symmetric matrix A = L·Lᵀ (only the lower triangle of A is
     * read), or null when A is not positive definite.
     */
    public static double[] choleskyLower(double[] a, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * d + k] * l[j * d + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return null;
            }
            double ljj = Math.sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] = t / ljj;
            }
        }
        return l;
    }

    /** The inverse of a lower-triangular matrix (lower-triangular again), by forward substitution. */
    public static double[] invertLower(double[] l, int d) {
        double[] inv = new double[d * d];
        for (int col = 0; col < d; col++) {
            // solve L x = e_col
            for (int i = col; i < d; i++) {
                double s = i == col ? 1.0 : 0.0;
                for (int k = col; k < i; k++) {
                    s -= l[i * d + k] * inv[k * d + col];
                }
                inv[i * d + col] = s / l[i * d + i];
            }
        }
        return inv;
    }

    /** The transpose of a D×D matrix. */
    public static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = a[i * d + j];
            }
        }
        return t;
    }

    /**
     * scikit-learn's precision Cholesky of a covariance: U = (L⁻¹)ᵀ for the lower Cholesky factor L
     * of the covariance, upper-triangular with precision = U·Uᵀ; null when not positive definite.
     */
    public static double[] precisionCholeskyOfCovariance(double[] covariance, int d) {
        double[] l = choleskyLower(covariance, d);
        return l == null ? null : transpose(invertLower(l, d), d);
    }

    /**
     * An upper-triangular U with U·Uᵀ = precision, so that the kernel can read any user-given
     * precision in its one triangular form; null when not positive definite. It is the lower
     * Cholesky factor of the precision with the order of the coordinates reversed.
     */
    public static double[] upperFactorOfPrecision(double[] precision, int d) {
        double[] reversed = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                reversed[i * d + j] = precision[(d - 1 - i) * d + (d - 1 - j)];
            }
        }
        double[] l = choleskyLower(reversed, d);
        if (l == null) {
            return null;
        }
        double[] u = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                u[i * d + j] = l[(d - 1 - i) * d + (d - 1 - j)];
            }
        }
        return u;
    }

    /** U·Uᵀ for a D×D matrix U (the precision from its factor). */
    public static double[] timesOwnTranspose(double[] u, int d) {
        double[] p = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += u[i * d + k] * u[j * d + k];
                }
                p[i * d + j] = s;
            }
        }
        return p;
    }

    /** The inverse of a symmetric positive definite matrix through its Cholesky factor; null if not SPD. */
    public static double[] inverseSpd(double[] a, int d) {
        double[] l = choleskyLower(a, d);
        if (l == null) {
            return null;
        }
        double[] li = invertLower(l, d);
        // A⁻¹ = L⁻ᵀ L⁻¹
        double[] inv = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < d; k++) {
                    s += li[k * d + i] * li[k * d + j];
                }
                inv[i * d + j] = s;
            }
        }
        return inv;
    }

    /** numpy's allclose(A, Aᵀ): |a − b| ≤ 1e-8 + 1e-5·|b| for every pair. */
    public static boolean isSymmetric(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double x = a[i * d + j];
                double y = a[j * d + i];
                if (!(Math.abs(x - y) <= 1e-8 + 1e-5 * Math.abs(y))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds {@code value} to the diagonal of a D×D matrix, in place. */
    public static void addToDiagonal(double[] m, int d, double value) {
        for (int i = 0; i < d; i++) {
            m[i * d + i] += value;
        }
    }

    /** The D×D matrix with {@code diagonal} on its diagonal. */
    public static double[] diagonalMatrix(double[] diagonal) {
        int d = diagonal.length;
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = diagonal[i];
        }
        return m;
    }

    /**
     * The covariance whose precision is U·Uᵀ for an upper-triangular factor U: (U·Uᵀ)⁻¹ = U⁻ᵀ·U⁻¹,
     * computed from U⁻¹ (U is inverted as the transpose of a lower-triangular matrix).
     */
    public static double[] covarianceOfUpperFactor(double[] u, int d) {
        double[] inverse = transpose(invertLower(transpose(u, d), d), d); // U⁻¹, upper-triangular
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < d; k++) {
                    s += inverse[i * d + k] * inverse[j * d + k];
                }
                c[i * d + j] = s;
            }
        }
        return c;
    }

    /** Copies the upper triangle onto the lower one. */
    public static void mirrorUpper(double[] a, int offset, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                a[offset + j * d + i] = a[offset + i * d + j];
            }
        }
    }
}
