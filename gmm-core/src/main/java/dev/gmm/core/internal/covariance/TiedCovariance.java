package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.Arrays;

/**
 * All components share one general covariance matrix (scikit-learn's "tied"), estimated from
 * centred sums, so data far from the origin keep their variance (scikit-learn 1.2's
 * E[xxᵀ] − μμᵀ loses it).
 */
public final class TiedCovariance implements CovarianceModel {

    @Override
    public String name() {
        return "tied";
    }

    @Override
    public String description() {
        return "all components share one general covariance matrix";
    }

    @Override
    public ScatterKind scatterKind() {
        return ScatterKind.POOLED;
    }

    @Override
    public CovarianceParameters estimate(SufficientStatistics s, double regCovar) {
        int d = s.features();
        double[] cov = s.centredPooledScatter();
        double total = 0;
        for (int c = 0; c < s.components(); c++) {
            total += s.guardedWeight(c);
        }
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= total;
        }
        Matrices.addToDiagonal(cov, d, regCovar);
        double[] u = PrecisionFactors.ofCovariance(cov, d, 0, regCovar);
        return assemble(cov, u, u, s.components(), d);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[] p = precisions.values();
        double[] u = PrecisionFactors.ofPrecision(p, d, name());
        return assemble(Matrices.inverseSpd(p, d), u, Matrices.choleskyLower(p, d), k, d);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        double[] cov = covariances.values();
        if (!Matrices.isSymmetric(cov, d)) {
            throw new IllegalArgumentException("the tied covariance is not symmetric: pass C with C[i][j] == C[j][i]");
        }
        double[] u = PrecisionFactors.ofCovariance(cov, d, 0, 0);
        return assemble(cov, u, u, k, d);
    }

    private static CovarianceParameters assemble(double[] cov, double[] factor, double[] reported, int k, int d) {
        double[][] factors = new double[k][];
        Arrays.fill(factors, factor); // one shared array: the kernel projects the data once
        int[] shape = {d, d};
        return CovarianceParameters.of(CovarianceLayout.TIED, d, factors, new ShapedArray(shape, cov),
                new ShapedArray(shape, reported));
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return CovarianceLayout.TIED.shape(k, d);
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return (long) d * (d + 1) / 2;
    }
}
