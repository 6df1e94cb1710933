package dev.gmm.example.tieddiag;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.Arrays;

/**
 * All components share one diagonal covariance ("tied-diag"): D parameters in all, between
 * scikit-learn's "tied" (D(D+1)/2) and "spherical" (K). It asks the kernel for per-component
 * diagonal scatters and pools them itself, so EM runs unchanged.
 */
public final class TiedDiagonalCovariance implements CovarianceModel {

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public TiedDiagonalCovariance() {
    }

    @Override
    public String name() {
        return "tied-diag";
    }

    @Override
    public String description() {
        return "all components share one diagonal covariance (example plugin)";
    }

    @Override
    public ScatterKind scatterKind() {
        return ScatterKind.DIAGONAL;
    }

    @Override
    public CovarianceParameters estimate(SufficientStatistics s, double regCovar) {
        int d = s.features();
        double[] variance = new double[d];
        double total = 0;
        for (int k = 0; k < s.components(); k++) {
            double[] centred = s.centredDiagonal(k);
            for (int j = 0; j < d; j++) {
                variance[j] += centred[j];
            }
            total += s.guardedWeight(k);
        }
        for (int j = 0; j < d; j++) {
            variance[j] = variance[j] / total + regCovar;
        }
        // the SPI's IllDefinedCovarianceException when a variance is not positive: a grid search skips it
        return assemble(variance, s.components(), regCovar);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[] variance = new double[d];
        for (int j = 0; j < d; j++) {
            PrecisionFactors.requirePositivePrecision(precisions.at(j), name());
            variance[j] = 1 / precisions.at(j);
        }
        return assemble(variance, k, 0);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        return assemble(covariances.values(), k, 0);
    }

    private static CovarianceParameters assemble(double[] variance, int k, double regCovar) {
        double[] factor = PrecisionFactors.ofVariances(variance, 0, regCovar);
        double[][] factors = new double[k][];
        Arrays.fill(factors, factor); // one shared array
        // a shape of its own ([D]): the precision Cholesky factors are given, the full covariances derived
        return CovarianceParameters.of(PrecisionForm.DIAGONAL, variance.length, factors, ShapedArray.of(variance),
                ShapedArray.of(factor));
    }

    @Override
    public int[] precisionShape(int k, int d) {
        return new int[] {d};
    }

    @Override
    public long covarianceParameterCount(int k, int d) {
        return d;
    }
}
