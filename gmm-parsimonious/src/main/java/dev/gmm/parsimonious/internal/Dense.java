package dev.gmm.parsimonious.internal;

import dev.gmm.core.linalg.Matrices;

/** The few D×D row-major operations the eigen-decomposed M-steps need beyond gmm-core's {@code Matrices}. */
final class Dense {
    private Dense() {
    }

    /** A·B. */
    static double[] multiply(double[] a, double[] b, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double aik = a[i * d + k];
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += aik * b[k * d + j];
                }
            }
        }
        return c;
    }

    /** Vᵀ·diag(values)·V for the rows of V as directions: Σ values[j]·vⱼ·vⱼᵀ. */
    static double[] fromRows(double[] v, double[] values, int d) {
        double[] c = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int a = 0; a < d; a++) {
                double scaled = values[j] * v[j * d + a];
                for (int b = 0; b < d; b++) {
                    c[a * d + b] += scaled * v[j * d + b];
                }
            }
        }
        symmetrize(c, d);
        return c;
    }

    /** V·diag(values)·Vᵀ for the columns of V as directions. */
    static double[] fromColumns(double[] v, double[] values, int d) {
        return fromRows(Matrices.transpose(v, d), values, d);
    }

    /** (A + Aᵀ)/2 in place, so that rounding cannot make a covariance fail a symmetry check. */
    static void symmetrize(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double mean = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = mean;
                a[j * d + i] = mean;
            }
        }
    }

    /** tr(A·B) for symmetric B: Σ A[i][j]·B[j][i]. */
    static double traceOfProduct(double[] a, double[] b, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s += a[i * d + j] * b[j * d + i];
            }
        }
        return s;
    }

    /** The geometric mean of positive values, (Π vⱼ)^(1/D), through logs. */
    static double geometricMean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += Math.log(v);
        }
        return Math.exp(s / values.length);
    }

    /** diag(A). */
    static double[] diagonal(double[] a, int d) {
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = a[j * d + j];
        }
        return out;
    }

    /**
     * The orthogonal polar factor P·Rᵀ of F = P·B·Rᵀ (its SVD). The SVD is one-sided Jacobi's (rotate
     * the columns of F·R until they are orthogonal), which keeps the small singular directions to full
     * relative accuracy: EVE's and VVE's F = Σₖ Aₖ⁻¹·Dᵀ·(Wₖ − ωₖ·I) is nearly singular by construction,
     * and a polar factor through FᵀF (squared singular values) lost digits there that mclust's LAPACK
     * {@code dgesvd} keeps. pⱼ = F·rⱼ / bⱼ for the non-zero singular values, the rest of P completed
     * from the coordinate axes: that completion is what {@code dgesvd} gives for F = 0 (the identity),
     * and for one missing direction it is unique up to a sign, which a covariance D·A·Dᵀ does not see.
     */
    static double[] orthogonalPolarFactor(double[] f, int d) {
        double[] g = f.clone();
        double[] r = Matrices.diagonalMatrix(filled(d));
        rotateColumnsOrthogonal(g, r, d);
        double[] norms = new double[d];
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += g[i * d + j] * g[i * d + j];
            }
            norms[j] = Math.sqrt(sum);
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[][] p = new double[d][];
        double[] sortedR = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                sortedR[i * d + j] = r[i * d + order[j]];
            }
        }
        r = sortedR;
        int rank = 0;
        while (rank < d && norms[order[rank]] > 1e-10 * norms[order[0]]) {
            double[] column = new double[d];
            double inverse = 1 / norms[order[rank]];
            for (int i = 0; i < d; i++) {
                column[i] = g[i * d + order[rank]] * inverse;
            }
            p[rank++] = column;
        }
        for (int axis = 0; rank < d && axis < d; axis++) {
            double[] candidate = new double[d];
            candidate[axis] = 1;
            for (int pass = 0; pass < 2; pass++) { // Gram-Schmidt twice keeps the basis orthogonal to rounding
                for (int j = 0; j < rank; j++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += p[j][i] * candidate[i];
                    }
                    for (int i = 0; i < d; i++) {
                        candidate[i] -= dot * p[j][i];
                    }
                }
            }
            double norm = 0;
            for (double c : candidate) {
                norm += c * c;
            }
            if (norm > 1e-2) {
                for (int i = 0; i < d; i++) {
                    candidate[i] /= Math.sqrt(norm);
                }
                p[rank++] = candidate;
            }
        }
        double[] polar = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int m = 0; m < d; m++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += p[j][i] * r[m * d + j];
                }
                polar[i * d + m] = sum;
            }
        }
        return polar;
    }

    /**
     * One-sided Jacobi (Hestenes): plane rotations applied to the columns of G (and accumulated in R)
     * until every pair of G's columns is orthogonal to rounding; then G = F·R = P·B.
     */
    private static void rotateColumnsOrthogonal(double[] g, double[] r, int d) {
        double eps = Math.ulp(1.0);
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < d; i++) {
                        alpha += g[i * d + p] * g[i * d + p];
                        beta += g[i * d + q] * g[i * d + q];
                        gamma += g[i * d + p] * g[i * d + q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(g, d, p, q, c, s);
                    rotate(r, d, p, q, c, s);
                }
            }
            if (!rotated) {
                return;
            }
        }
    }

    private static void rotate(double[] m, int d, int p, int q, double c, double s) {
        for (int i = 0; i < d; i++) {
            double mp = m[i * d + p];
            double mq = m[i * d + q];
            m[i * d + p] = c * mp - s * mq;
            m[i * d + q] = s * mp + c * mq;
        }
    }

    private static double[] filled(int d) {
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
