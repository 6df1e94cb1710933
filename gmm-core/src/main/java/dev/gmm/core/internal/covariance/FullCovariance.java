package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/** Each component has its own general covariance matrix (scikit-learn's "full"). */
public final class FullCovariance implements CovarianceModel {

    @Override
    public String name() {
        return "full";
    }

    @Override
    public String description() {
        return "each component has its own general covariance matrix";
    }

    @Override
    public ScatterKind scatterKind() {
        return ScatterKind.FULL;
    }

    @Override
    public CovarianceParameters estimate(SufficientStatistics s, double regCovar) {
        int k = s.components();
        int d = s.features();
        double[][] covariances = new double[k][];
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] cov = s.centredScatter(c);
            double nk = s.guardedWeight(c);
            for (int i = 0; i < cov.length; i++) {
                cov[i] /= nk;
            }
            Matrices.addToDiagonal(cov, d, regCovar);
            covariances[c] = cov;
            factors[c] = PrecisionFactors.ofCovariance(cov, d, c, regCovar);
        }
        return assemble(covariances, factors, factors, d);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[][] covariances = new double[k][];
        double[][] factors = new double[k][];
        double[][] reported = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] p = precisions.block(c, d * d);
            factors[c] = PrecisionFactors.ofPrecision(p, d, name());
            covariances[c] = Matrices.inverseSpd(p, d);
            // scikit-learn reports cholesky(precision, lower=True) for a user-given start
            reported[c] = Matrices.choleskyLower(p, d);
        }
        return assemble(covariances, factors, reported, d);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        double[][] covs = new double[k][];
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            covs[c] = covariances.block(c, d * d);
            if (!Matrices.isSymmetric(covs[c], d)) {
                throw new IllegalArgumentException("covariance " + c + " is not symmetric: pass C with C[i][j] == C[j][i]");
            }
            factors[c] = PrecisionFactors.ofCovariance(covs[c], d, c, 0);
        }
        return assemble(covs, factors, factors, d);
    }

    /** Parameters with {@code reported} as the precision Cholesky factors the model shows. */
    private static CovarianceParameters assemble(double[][] covariances, double[][] factors, double[][] reported, int d) {
        int[] shape = {covariances.length, d, d};
        return CovarianceParameters.of(CovarianceLayout.FULL, d, factors, stack(shape, covariances),
                stack(shape, reported));
    }

    private static ShapedArray stack(int[] shape, double[][] blocks) {
        int size = shape[1] * shape[2];
        double[] flat = new double[blocks.length * size];
        for (int c = 0; c < blocks.length; c++) {
            System.arraycopy(blocks[c], 0, flat, c * size, size);
        }
        return new ShapedArray(shape, flat);
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return CovarianceLayout.FULL.shape(k, d);
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return (long) k * d * (d + 1) / 2;
    }
}
