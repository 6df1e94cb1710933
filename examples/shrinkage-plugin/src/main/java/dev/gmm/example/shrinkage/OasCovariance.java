package dev.gmm.example.shrinkage;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/**
 * Each component has its own full covariance, shrunk toward a scaled identity by the Oracle
 * Approximating Shrinkage of Chen, Wiesel, Eldar and Hero (2010), as scikit-learn 1.2.1's
 * {@code sklearn.covariance.OAS} computes it: with S the component's empirical covariance, p the
 * number of features, μ = tr(S)/p and a = mean(S∘S),
 * ρ = min(1, (a + μ²) / ((n + 1)(a − μ²/p))) and Σ = (1 − ρ)·S + ρ·μ·I (+ reg_covar on the diagonal),
 * where n is the component's effective number of rows Nₖ. It helps where a component has few rows for
 * its dimension: the plain full covariance is then singular, the shrunk one is not.
 *
 * <p>Written against the exported SPI and {@code dev.gmm.core.linalg} alone — the proof that a third
 * party can write a full-matrix covariance model. Stateless and thread-safe.
 */
public final class OasCovariance implements CovarianceModel {

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public OasCovariance() {
    }

    @Override
    public String name() {
        return "oas";
    }

    @Override
    public String description() {
        return "each component's full covariance shrunk toward a scaled identity (Oracle Approximating Shrinkage)";
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
            double[] empirical = s.centredScatter(c);
            double nk = s.guardedWeight(c);
            for (int i = 0; i < empirical.length; i++) {
                empirical[i] /= nk;
            }
            covariances[c] = shrink(empirical, d, s.weight(c));
            Matrices.addToDiagonal(covariances[c], d, regCovar);
            factors[c] = PrecisionFactors.ofCovariance(covariances[c], d, c, regCovar);
        }
        return CovarianceParameters.of(CovarianceLayout.FULL, d, factors, stack(covariances, k, d));
    }

    /** scikit-learn's OAS of an empirical covariance from {@code n} rows, D·D row-major. */
    static double[] shrink(double[] empirical, int d, double n) {
        double trace = 0;
        double squares = 0;
        for (int i = 0; i < d; i++) {
            trace += empirical[i * d + i];
        }
        for (double v : empirical) {
            squares += v * v;
        }
        double mu = trace / d;
        double alpha = squares / ((double) d * d);
        double numerator = alpha + mu * mu;
        double denominator = (n + 1.0) * (alpha - mu * mu / d);
        double shrinkage = denominator == 0 ? 1.0 : Math.min(numerator / denominator, 1.0);
        double[] shrunk = new double[d * d];
        for (int i = 0; i < shrunk.length; i++) {
            shrunk[i] = (1.0 - shrinkage) * empirical[i];
        }
        Matrices.addToDiagonal(shrunk, d, shrinkage * mu);
        return shrunk;
    }

    @Override
    public CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[][] covariances = new double[k][];
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] p = precisions.block(c, d * d);
            factors[c] = PrecisionFactors.ofPrecision(p, d, name());
            covariances[c] = Matrices.inverseSpd(p, d);
        }
        return CovarianceParameters.of(CovarianceLayout.FULL, d, factors, stack(covariances, k, d));
    }

    @Override
    public CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] cov = covariances.block(c, d * d);
            if (!Matrices.isSymmetric(cov, d)) {
                throw new IllegalArgumentException("covariance " + c + " is not symmetric: pass C with C[i][j] == C[j][i]");
            }
            factors[c] = PrecisionFactors.ofCovariance(cov, d, c, 0);
        }
        return CovarianceParameters.of(CovarianceLayout.FULL, d, factors, covariances);
    }

    private static ShapedArray stack(double[][] blocks, int k, int d) {
        double[] flat = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(blocks[c], 0, flat, c * d * d, d * d);
        }
        return new ShapedArray(new int[] {k, d, d}, flat);
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
