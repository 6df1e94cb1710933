package dev.gmm.parsimonious.internal;

import dev.gmm.core.ShapedArray;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.PrecisionFactors;
import dev.gmm.core.spi.CovarianceDecomposition;
import dev.gmm.core.spi.CovarianceLayout;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;
import dev.gmm.parsimonious.MclustModel;

/**
 * One of the ten models scikit-learn lacks, through the core's SPI alone: the M-step turns the
 * scatters into each component's covariance, and the kernel reads an upper-triangular precision factor
 * (the general models) or a diagonal one (the axis-aligned EII, EEI, VEI, EVI), so the E-step runs on
 * the kernel's full or diagonal path. Covariances are stored K × D × D for every model; a model file
 * reads back through {@link #fromCovariances} exactly.
 */
abstract class EigenDecomposedModel implements CovarianceModel {
    private final MclustModel model;

    EigenDecomposedModel(MclustModel model) {
        this.model = model;
    }

    /**
     * The model's M-step proper: per component the D·D covariance (general models) or the D variances
     * (axis-aligned ones).
     */
    abstract double[][] covariances(Scatters scatters);

    /**
     * The M-step of an EM iteration that follows another: the models whose inner iteration mclust resumes
     * from the previous estimate (VEI, VEV, EVE, VVE) override this; the others start afresh.
     *
     * @param previous the previous M-step's covariances, or null for a start's first M-step
     */
    double[][] covariances(Scatters scatters, PreviousEstimate previous) {
        return covariances(scatters);
    }

    @Override
    public final String name() {
        return model.providerName();
    }

    @Override
    public final String description() {
        return model.description();
    }

    @Override
    public final ScatterKind scatterKind() {
        return model.diagonal() ? ScatterKind.DIAGONAL : ScatterKind.FULL;
    }

    @Override
    public final CovarianceParameters estimate(SufficientStatistics statistics, double regCovar) {
        return estimate(statistics, regCovar, null);
    }

    @Override
    public final CovarianceParameters estimate(SufficientStatistics statistics, double regCovar,
                                               CovarianceParameters previous) {
        double[][] covariances = covariances(Scatters.of(statistics, regCovar),
                PreviousEstimate.of(previous, statistics.components(), statistics.features()));
        return model.diagonal() ? diagonal(covariances, statistics.features(), regCovar)
                : general(covariances, statistics.features(), regCovar);
    }

    @Override
    public final CovarianceParameters fromPrecisions(ShapedArray precisions, int k, int d) {
        ShapedArray.requireShape(precisions, "precisions", name(), precisionShape(k, d));
        double[][] covariances = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] p = precisions.block(c, d * d);
            PrecisionFactors.ofPrecision(p, d, name()); // the user-facing symmetric-positive-definite check
            covariances[c] = Matrices.inverseSpd(p, d);
        }
        return fromFull(covariances, k, d);
    }

    @Override
    public final CovarianceParameters fromCovariances(ShapedArray covariances, int k, int d) {
        ShapedArray.requireShape(covariances, "covariances", name(), precisionShape(k, d));
        double[][] blocks = new double[k][];
        for (int c = 0; c < k; c++) {
            blocks[c] = covariances.block(c, d * d);
            if (!Matrices.isSymmetric(blocks[c], d)) {
                throw new IllegalArgumentException("covariance " + c + " of model " + model
                        + " is not symmetric: pass C with C[i][j] == C[j][i]");
            }
        }
        return fromFull(blocks, k, d);
    }

    private CovarianceParameters fromFull(double[][] covariances, int k, int d) {
        if (!model.diagonal()) {
            return general(covariances, d, 0);
        }
        double[][] variances = new double[k][];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (i != j && covariances[c][i * d + j] != 0) {
                        throw new IllegalArgumentException("covariance " + c + " of model " + model
                                + " has off-diagonal entry [" + i + "][" + j + "] = " + covariances[c][i * d + j]
                                + ": this model's covariances are diagonal; pick a model with orientation E or V");
                    }
                }
            }
            variances[c] = Dense.diagonal(covariances[c], d);
        }
        return diagonal(variances, d, 0);
    }

    private static CovarianceParameters general(double[][] covariances, int d, double regCovar) {
        int k = covariances.length;
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            factors[c] = PrecisionFactors.ofCovariance(covariances[c], d, c, regCovar);
        }
        return CovarianceParameters.of(CovarianceLayout.FULL, d, factors, stack(covariances, k, d));
    }

    private static CovarianceParameters diagonal(double[][] variances, int d, double regCovar) {
        int k = variances.length;
        double[][] factors = new double[k][];
        double[][] covariances = new double[k][];
        double[][] reported = new double[k][];
        for (int c = 0; c < k; c++) {
            factors[c] = PrecisionFactors.ofVariances(variances[c], c, regCovar);
            covariances[c] = Matrices.diagonalMatrix(variances[c]);
            reported[c] = Matrices.diagonalMatrix(factors[c]);
        }
        return CovarianceParameters.of(PrecisionForm.DIAGONAL, d, factors, stack(covariances, k, d),
                stack(reported, k, d));
    }

    private static ShapedArray stack(double[][] blocks, int k, int d) {
        double[] flat = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(blocks[c], 0, flat, c * d * d, d * d);
        }
        return new ShapedArray(new int[] {k, d, d}, flat);
    }

    @Override
    public final java.util.Optional<CovarianceDecomposition> decomposition(CovarianceParameters parameters) {
        return java.util.Optional.of(MclustDecomposition.of(model, parameters));
    }

    @Override
    public final int[] precisionShape(int k, int d) {
        return new int[] {k, d, d};
    }

    @Override
    public final long covarianceParameterCount(int k, int d) {
        return model.covarianceParameterCount(k, d);
    }
}
