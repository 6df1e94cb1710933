package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
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
        Shapes.require(precisions, "precisions", name(), precisionShape(k, d));
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            DiagonalFactors.requirePositive(precisions.at(c), name());
            variances[c] = 1 / precisions.at(c);
        }
        return assemble(variances, d, 0);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        Shapes.require(covariances, "covariances", name(), precisionShape(k, d));
        return assemble(covariances.values(), d, 0);
    }

    private static CovarianceParameters assemble(double[] variances, int d, double regCovar) {
        int k = variances.length;
        double[][] factors = new double[k][];
        double[] chol = new double[k];
        for (int c = 0; c < k; c++) {
            double[] perFeature = new double[d];
            Arrays.fill(perFeature, variances[c]);
            factors[c] = DiagonalFactors.ofVariances(perFeature, c, regCovar);
            chol[c] = factors[c][0];
        }
        int[] shape = {k};
        return new CovarianceParameters(new ShapedArray(shape, variances), new ShapedArray(shape, chol),
                PrecisionForm.DIAGONAL, d, factors, c -> sphericalMatrix(variances[c], d));
    }

    /** σ²·I, made when asked for. */
    private static double[] sphericalMatrix(double variance, int d) {
        double[] perFeature = new double[d];
        Arrays.fill(perFeature, variance);
        return Shapes.diagonalMatrix(perFeature);
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return new int[] {k};
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return k;
    }
}
