package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.Arrays;

/**
 * Each component has its own single variance (scikit-learn's "spherical"): the mean of its diagonal
 * variances, regCovar included, as scikit-learn computes it.
 */
public final class SphericalCovariance implements CovarianceModel {

    @Override
    public String name() {
        return "spherical";
    }

    @Override
    public String description() {
        return "each component has its own single variance";
    }

    @Override
    public ScatterKind scatterKind() {
        return ScatterKind.DIAGONAL;
    }

    @Override
    public CovarianceParameters estimate(SufficientStatistics s, double regCovar) {
        int k = s.components();
        int d = s.features();
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = s.centredDiagonal(c);
            double nk = s.guardedWeight(c);
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += v[j] / nk + regCovar;
            }
            variances[c] = sum / d;
        }
        return assemble(variances, d, regCovar);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            PrecisionFactors.requirePositivePrecision(precisions.at(c), name());
            variances[c] = 1 / precisions.at(c);
        }
        return assemble(variances, d, 0);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        return assemble(covariances.values(), d, 0);
    }

    private static CovarianceParameters assemble(double[] variances, int d, double regCovar) {
        int k = variances.length;
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] perFeature = new double[d];
            Arrays.fill(perFeature, variances[c]);
            factors[c] = PrecisionFactors.ofVariances(perFeature, c, regCovar);
        }
        return CovarianceParameters.of(CovarianceLayout.SPHERICAL, d, factors, new ShapedArray(new int[] {k}, variances));
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return CovarianceLayout.SPHERICAL.shape(k, d);
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return k;
    }
}
