package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/** Each component has its own diagonal covariance (scikit-learn's "diag"), from centred sums. */
public final class DiagCovariance implements CovarianceModel {

    @Override
    public String name() {
        return "diag";
    }

    @Override
    public String description() {
        return "each component has its own diagonal covariance matrix";
    }

    @Override
    public ScatterKind scatterKind() {
        return ScatterKind.DIAGONAL;
    }

    @Override
    public CovarianceParameters estimate(SufficientStatistics s, double regCovar) {
        int k = s.components();
        double[][] variances = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = s.centredDiagonal(c);
            double nk = s.guardedWeight(c);
            for (int j = 0; j < v.length; j++) {
                v[j] = v[j] / nk + regCovar;
            }
            variances[c] = v;
        }
        return assemble(variances, regCovar);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[][] variances = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double p = precisions.at(c * d + j);
                PrecisionFactors.requirePositivePrecision(p, name());
                variances[c][j] = 1 / p;
            }
        }
        return assemble(variances, 0);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        double[][] variances = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                variances[c][j] = covariances.at(c * d + j);
            }
        }
        return assemble(variances, 0);
    }

    private static CovarianceParameters assemble(double[][] variances, double regCovar) {
        int k = variances.length;
        int d = variances[0].length;
        double[][] factors = new double[k][];
        double[] covFlat = new double[k * d];
        for (int c = 0; c < k; c++) {
            factors[c] = PrecisionFactors.ofVariances(variances[c], c, regCovar);
            System.arraycopy(variances[c], 0, covFlat, c * d, d);
        }
        return CovarianceParameters.of(CovarianceLayout.DIAGONAL, d, factors, new ShapedArray(new int[] {k, d}, covFlat));
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return CovarianceLayout.DIAGONAL.shape(k, d);
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return (long) k * d;
    }
}
