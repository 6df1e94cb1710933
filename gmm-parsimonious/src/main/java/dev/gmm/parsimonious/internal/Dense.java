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
     * The orthogonal polar factor P·Rᵀ of F = P·B·Rᵀ (its SVD), from FᵀF = R·B²·Rᵀ: pⱼ = F·rⱼ / bⱼ for the
     * non-zero singular values, the rest of P completed from the coordinate axes. That completion is
     * what LAPACK's {@code dgesvd} (mclust) gives for F = 0 (the identity), and for one missing
     * direction it is unique up to a sign, which a covariance D·A·Dᵀ does not see.
     */
    static double[] orthogonalPolarFactor(double[] f, int d) {
        SymmetricEigen e = SymmetricEigen.of(multiply(Matrices.transpose(f, d), f, d), d);
        double[] squares = e.values();
        double[] r = e.vectors();
        double[][] p = new double[d][];
        int rank = 0;
        while (rank < d && squares[rank] > 0 && Math.sqrt(squares[rank]) > 1e-10 * Math.sqrt(squares[0])) {
            double[] column = new double[d];
            double inverse = 1 / Math.sqrt(squares[rank]);
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int m = 0; m < d; m++) {
                    sum += f[i * d + m] * r[m * d + rank];
                }
                column[i] = sum * inverse;
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
}
