package dev.gmm.core.spi;

import dev.gmm.core.linalg.SymmetricEigen;

/**
 * Each component's covariance taken apart as Σₖ = λₖ·Dₖ·Aₖ·Dₖᵀ in mclust's convention (Celeux &amp;
 * Govaert 1995): the volume (mclust's {@code scale}) λₖ = det(Σₖ)^(1/D), the shape Aₖ, diagonal with
 * det(Aₖ) = 1, and the orientation Dₖ, orthonormal, whose column j is the direction of shape entry j.
 * What a {@link CovarianceModel} gives for readers of a model file who think in those terms.
 *
 * <p>Every component has all three, whatever the model shares: a model with one volume, shape or
 * orientation for all components repeats it. Each orientation column's entry of largest magnitude is
 * positive (an eigenvector's sign is otherwise arbitrary), so one covariance always gives one
 * decomposition.
 *
 * <p>Immutable; accessors return copies.
 */
public final class CovarianceDecomposition {
    private final int features;
    private final double[] scale;
    private final double[][] shape;
    private final double[][] orientation;

    private CovarianceDecomposition(int features, double[] scale, double[][] shape, double[][] orientation) {
        this.features = features;
        this.scale = scale;
        this.shape = shape;
        this.orientation = orientation;
    }

    /**
     * Each covariance by its own eigendecomposition, the shape largest first (mclust's order for models
     * whose orientation varies: EEV, VEV, EVV, VVV).
     *
     * @param covariances per component a symmetric positive definite D·D matrix, row-major
     */
    public static CovarianceDecomposition eigen(double[][] covariances, int features) {
        int k = covariances.length;
        double[][] orientation = new double[k][];
        double[][] spectrum = new double[k][];
        for (int c = 0; c < k; c++) {
            SymmetricEigen e = SymmetricEigen.of(covariances[c], features);
            spectrum[c] = e.values();
            orientation[c] = e.vectors();
        }
        return fromSpectrum(features, spectrum, orientation);
    }

    /**
     * Covariances that share one orientation (mclust's EEE, VEE, EVE, VVE): each shape is read along the
     * given directions, diag(Dᵀ·Σₖ·D), in their order.
     *
     * @param covariances per component a D·D matrix, row-major
     * @param orientation D, D·D row-major with the directions in its columns, orthonormal
     */
    public static CovarianceDecomposition along(double[][] covariances, double[] orientation, int features) {
        int k = covariances.length;
        int d = features;
        double[][] spectrum = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int r = 0; r < d; r++) {
                    double row = 0;
                    for (int q = 0; q < d; q++) {
                        row += covariances[c][r * d + q] * orientation[q * d + j];
                    }
                    s += orientation[r * d + j] * row;
                }
                spectrum[c][j] = s;
            }
        }
        double[][] shared = new double[k][];
        java.util.Arrays.fill(shared, orientation);
        return fromSpectrum(d, spectrum, shared);
    }

    /**
     * Covariances whose orientation is the identity (mclust's EII, VII, EEI, VEI, EVI, VVI): the shape is
     * the diagonal in the features' order, as mclust reports it.
     */
    public static CovarianceDecomposition axisAligned(double[][] covariances, int features) {
        double[] identity = new double[features * features];
        for (int i = 0; i < features; i++) {
            identity[i * features + i] = 1;
        }
        return along(covariances, identity, features);
    }

    /** λₖ the geometric mean of the values along each direction, Aₖ those values / λₖ. */
    private static CovarianceDecomposition fromSpectrum(int d, double[][] spectrum, double[][] orientation) {
        int k = spectrum.length;
        double[] scale = new double[k];
        double[][] shape = new double[k][d];
        double[][] directions = new double[k][];
        java.util.Map<double[], double[]> signed = new java.util.IdentityHashMap<>();
        for (int c = 0; c < k; c++) {
            double logVolume = 0;
            for (double v : spectrum[c]) {
                logVolume += Math.log(v);
            }
            scale[c] = Math.exp(logVolume / d);
            for (int j = 0; j < d; j++) {
                shape[c][j] = spectrum[c][j] / scale[c];
            }
            directions[c] = signed.computeIfAbsent(orientation[c], o -> withPositiveLargestEntries(o, d));
        }
        return new CovarianceDecomposition(d, scale, shape, directions);
    }

    private static double[] withPositiveLargestEntries(double[] o, int d) {
        double[] out = o.clone();
        for (int j = 0; j < d; j++) {
            int largest = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(out[i * d + j]) > Math.abs(out[largest * d + j])) {
                    largest = i;
                }
            }
            if (out[largest * d + j] < 0) {
                for (int i = 0; i < d; i++) {
                    out[i * d + j] = -out[i * d + j];
                }
            }
        }
        return out;
    }

    /** K. */
    public int components() {
        return scale.length;
    }

    /** D. */
    public int features() {
        return features;
    }

    /** λₖ = det(Σₖ)^(1/D), mclust's {@code scale}. */
    public double scale(int k) {
        return scale[k];
    }

    /** The diagonal of Aₖ, D values whose product is 1. */
    public double[] shape(int k) {
        return shape[k].clone();
    }

    /** Dₖ, D·D row-major, column j the direction of {@code shape(k)[j]}. */
    public double[] orientation(int k) {
        return orientation[k].clone();
    }

    /** λₖ·Dₖ·Aₖ·Dₖᵀ, D·D row-major: Σₖ again, to rounding. */
    public double[] covariance(int k) {
        int d = features;
        double[] o = orientation[k];
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int m = 0; m < d; m++) {
                    s += o[i * d + m] * shape[k][m] * o[j * d + m];
                }
                out[i * d + j] = scale[k] * s;
            }
        }
        return out;
    }
}
