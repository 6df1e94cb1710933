package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.internal.linalg.Matrices;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
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
            TriangularFactors.addToDiagonal(cov, d, regCovar);
            covariances[c] = cov;
            factors[c] = TriangularFactors.ofCovariance(cov, d, c, regCovar);
        }
        return assemble(covariances, factors, factors, d);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        Shapes.require(precisions, "precisions", name(), precisionShape(k, d));
        double[][] covariances = new double[k][];
        double[][] factors = new double[k][];
        double[][] reported = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] p = Shapes.block(precisions, c, d);
            factors[c] = TriangularFactors.checkedPrecisionFactor(p, d, name());
            covariances[c] = Matrices.inverseSpd(p, d);
            // scikit-learn reports cholesky(precision, lower=True) for a user-given start
            reported[c] = Matrices.choleskyLower(p, d);
        }
        return assemble(covariances, factors, reported, d);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        Shapes.require(covariances, "covariances", name(), precisionShape(k, d));
        double[][] covs = new double[k][];
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            covs[c] = Shapes.block(covariances, c, d);
            if (!Matrices.isSymmetric(covs[c], d)) {
                throw new IllegalArgumentException("covariance " + c + " is not symmetric: pass C with C[i][j] == C[j][i]");
            }
            factors[c] = TriangularFactors.ofCovariance(covs[c], d, c, 0);
        }
        return assemble(covs, factors, factors, d);
    }

    private static CovarianceParameters assemble(double[][] covariances, double[][] factors, double[][] reported, int d) {
        int k = covariances.length;
        double[] covFlat = new double[k * d * d];
        double[] cholFlat = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(covariances[c], 0, covFlat, c * d * d, d * d);
            System.arraycopy(reported[c], 0, cholFlat, c * d * d, d * d);
        }
        int[] shape = {k, d, d};
        return new CovarianceParameters(new ShapedArray(shape, covFlat), new ShapedArray(shape, cholFlat),
                PrecisionForm.UPPER_TRIANGULAR, d, factors, covariances);
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return new int[] {k, d, d};
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return (long) k * d * (d + 1) / 2;
    }
}
