package dev.gmm.example.tieddiag;

import dev.gmm.core.ShapedArray;
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
            if (!(variance[j] > 0)) {
                throw new IllegalArgumentException("Fitting the mixture model failed because the shared variance of feature "
                        + j + " is ill-defined. Try to decrease the number of components, or increase reg_covar.");
            }
        }
        return assemble(variance, s.components());
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        requireShape(precisions, d, "precisions");
        double[] variance = new double[d];
        for (int j = 0; j < d; j++) {
            if (!(precisions.at(j) > 0)) {
                throw new IllegalArgumentException("'tied-diag precision' should be positive, but got " + precisions.at(j));
            }
            variance[j] = 1 / precisions.at(j);
        }
        return assemble(variance, k);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        requireShape(covariances, d, "covariances");
        return assemble(covariances.values(), k);
    }

    private static void requireShape(ShapedArray a, int d, String what) {
        if (a == null || !a.hasShape(d)) {
            throw new IllegalArgumentException("'" + what + "' for covariance_type 'tied-diag' should have shape [" + d
                    + "], but got " + (a == null ? "nothing" : Arrays.toString(a.shape())));
        }
    }

    private static CovarianceParameters assemble(double[] variance, int k) {
        int d = variance.length;
        double[] factor = new double[d];
        double[] full = new double[d * d];
        for (int j = 0; j < d; j++) {
            factor[j] = 1 / Math.sqrt(variance[j]);
            full[j * d + j] = variance[j];
        }
        double[][] factors = new double[k][];
        double[][] fulls = new double[k][];
        Arrays.fill(factors, factor);
        Arrays.fill(fulls, full);
        return new CovarianceParameters(ShapedArray.of(variance), ShapedArray.of(factor), PrecisionForm.DIAGONAL, d,
                factors, fulls);
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
