package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

/**
 * Principal component analysis: centres the data and projects it onto the {@code k} directions of
 * largest variance (eigenvectors of the covariance matrix, found by cyclic Jacobi rotations, which
 * is exact enough and simple for the modest D this project uses). Each component's sign is fixed so
 * that its largest-magnitude entry is positive, making results reproducible.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;

    private Pca(double[] mean, double[][] components, double[] explainedVariance) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
    }

    /** Fits {@code k} components to the data. */
    public static Pca fit(DataMatrix data, int k) {
        data.requireFinite("data");
        int n = data.rows();
        int d = data.cols();
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("k = " + k + ": the number of components must be in 1.." + d);
        }
        if (n < 2) {
            throw new IllegalArgumentException("data has " + n + " rows: PCA needs at least 2");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = Covariance.matrix(data);
        double[][] v = new double[d][d];
        double[] eig = jacobi(c, v);
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig[y], eig[x]));
        double[][] comps = new double[k][d];
        double[] var = new double[k];
        for (int t = 0; t < k; t++) {
            int col = order[t];
            var[t] = eig[col];
            int big = 0;
            for (int j = 0; j < d; j++) {
                comps[t][j] = v[j][col];
                if (Math.abs(comps[t][j]) > Math.abs(comps[t][big])) {
                    big = j;
                }
            }
            if (comps[t][big] < 0) {
                for (int j = 0; j < d; j++) {
                    comps[t][j] = -comps[t][j];
                }
            }
        }
        return new Pca(mean, comps, var);
    }

    /** The principal axes, k × D, unit length, by decreasing variance. */
    public double[][] components() {
        double[][] out = new double[components.length][];
        for (int t = 0; t < out.length; t++) {
            out[t] = components[t].clone();
        }
        return out;
    }

    /** The variance along each component (sample variance, n - 1). */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** The data centred and projected onto the components: N × k. */
    public DataMatrix transform(DataMatrix data) {
        int d = mean.length;
        if (data.cols() != d) {
            throw new IllegalArgumentException("data has " + data.cols() + " columns but the PCA was fitted on " + d);
        }
        int n = data.rows();
        int k = components.length;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (data.get(i, j) - mean[j]) * components[t][j];
                }
                out[i * k + t] = s;
            }
        }
        return DataMatrix.wrap(out, n, k);
    }

    /** Eigenvalues of symmetric {@code a} (destroyed); eigenvectors into the columns of {@code v}. */
    private static double[] jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int r = 0; r < d; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = cos * arp - sin * arq;
                        a[r][q] = sin * arp + cos * arq;
                    }
                    for (int r = 0; r < d; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = cos * apr - sin * aqr;
                        a[q][r] = sin * apr + cos * aqr;
                    }
                    for (int r = 0; r < d; r++) {
                        double vrp = v[r][p];
                        double vrq = v[r][q];
                        v[r][p] = cos * vrp - sin * vrq;
                        v[r][q] = sin * vrp + cos * vrq;
                    }
                }
            }
        }
        double[] eig = new double[d];
        for (int i = 0; i < d; i++) {
            eig[i] = a[i][i];
        }
        return eig;
    }
}
