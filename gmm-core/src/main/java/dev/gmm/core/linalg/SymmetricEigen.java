package dev.gmm.core.linalg;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a small symmetric D×D matrix (row-major), by cyclic
 * Jacobi rotations: accurate to the last bits for the D ≤ a few dozen of covariance models, and free
 * of any dependency. Eigenvalues come in decreasing order, as mclust's SVD gives them; column j of
 * {@link #vectors()} belongs to eigenvalue j.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;
    private final double[] values;
    private final double[] vectors;

    private SymmetricEigen(double[] values, double[] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes A (only symmetric input is meaningful; the upper triangle is read). */
    public static SymmetricEigen of(double[] a, int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                m[i * d + j] = a[i * d + j];
                m[j * d + i] = a[i * d + j];
            }
        }
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonalNorm(m, d) > 0; sweep++) {
            double scale = 0;
            for (int i = 0; i < d; i++) {
                scale = Math.max(scale, Math.abs(m[i * d + i]));
            }
            boolean rotated = false;
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = m[p * d + q];
                    // below this an off-diagonal entry no longer changes the diagonal in double precision
                    if (Math.abs(apq) <= 1e-300 || Math.abs(apq) < 1e-18 * scale) {
                        m[p * d + q] = 0;
                        m[q * d + p] = 0;
                        continue;
                    }
                    rotate(m, v, d, p, q);
                    rotated = true;
                }
            }
            if (!rotated) {
                break;
            }
        }
        return sorted(m, v, d);
    }

    private static double offDiagonalNorm(double[] m, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                s += m[i * d + j] * m[i * d + j];
            }
        }
        return s;
    }

    /** One Jacobi rotation that zeroes m[p][q] (Golub & Van Loan, Algorithm 8.5.1). */
    private static void rotate(double[] m, double[] v, int d, int p, int q) {
        double app = m[p * d + p];
        double aqq = m[q * d + q];
        double apq = m[p * d + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < d; k++) {
            double mkp = m[k * d + p];
            double mkq = m[k * d + q];
            m[k * d + p] = c * mkp - s * mkq;
            m[k * d + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < d; k++) {
            double mpk = m[p * d + k];
            double mqk = m[q * d + k];
            m[p * d + k] = c * mpk - s * mqk;
            m[q * d + k] = s * mpk + c * mqk;
        }
        m[p * d + q] = 0;
        m[q * d + p] = 0;
        for (int k = 0; k < d; k++) {
            double vkp = v[k * d + p];
            double vkq = v[k * d + q];
            v[k * d + p] = c * vkp - s * vkq;
            v[k * d + q] = s * vkp + c * vkq;
        }
    }

    private static SymmetricEigen sorted(double[] m, double[] v, int d) {
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y * d + y], m[x * d + x]));
        double[] values = new double[d];
        double[] vectors = new double[d * d];
        for (int j = 0; j < d; j++) {
            values[j] = m[order[j] * d + order[j]];
            for (int i = 0; i < d; i++) {
                vectors[i * d + j] = v[i * d + order[j]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The eigenvalues, largest first (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** V, D·D row-major, eigenvectors in columns (a copy). */
    public double[] vectors() {
        return vectors.clone();
    }
}
