package dev.gmm.datasets.io.plugin;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.Arrays;

/**
 * A test-only covariance plugin with shapes of its own (examples/tied-diag-plugin's model under another
 * name): every component shares one diagonal covariance, stored as [D]. Not registered anywhere: a test
 * installs it through a class loader of its own (see PluginModelWithoutPluginTest), so it can also be
 * absent. It refers to nothing but the core's exported API.
 */
public final class SharedDiagonalCovariance implements CovarianceModel {
    /** The name it registers under. */
    public static final String NAME = "shared-diag-test";

    /** For {@link java.util.ServiceLoader}. */
    public SharedDiagonalCovariance() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "all components share one diagonal covariance (test plugin)";
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
        return assemble(variance, s.components(), regCovar);
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", NAME, precisionShape(k, d));
        double[] variance = new double[d];
        for (int j = 0; j < d; j++) {
            variance[j] = 1 / precisions.at(j);
        }
        return assemble(variance, k, 0);
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", NAME, precisionShape(k, d));
        return assemble(covariances.values(), k, 0);
    }

    private static CovarianceParameters assemble(double[] variance, int k, double regCovar) {
        double[] factor = PrecisionFactors.ofVariances(variance, 0, regCovar);
        double[][] factors = new double[k][];
        Arrays.fill(factors, factor);
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
