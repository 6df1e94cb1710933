package dev.gmm.parsimonious.internal;

import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.spi.CovarianceDecomposition;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.parsimonious.MclustModel;

/**
 * A fitted model's covariances as mclust's {@code sigma2decomp} takes them apart, chosen by the model's
 * orientation letter: the identity for the axis-aligned models (shape in the features' order, as mclust
 * reports it), one common orientation for EEE, VEE, EVE and VVE (the eigenvectors that every Σₖ shares,
 * found as {@link PreviousEstimate} finds them for the inner iterations), each component's own
 * eigenvectors for EEV, VEV, EVV and VVV (shape largest first). Derived from the covariances alone, so a
 * model read back from its file gives the same decomposition as the fitted one.
 */
final class MclustDecomposition {
    private MclustDecomposition() {
    }

    static CovarianceDecomposition of(MclustModel model, CovarianceParameters parameters) {
        int k = parameters.components();
        int d = parameters.features();
        double[][] covariances = new double[k][];
        for (int c = 0; c < k; c++) {
            covariances[c] = flat(parameters.fullCovariance(c), d);
        }
        return switch (model.name().charAt(2)) {
            case 'I' -> CovarianceDecomposition.axisAligned(covariances, d);
            case 'E' -> CovarianceDecomposition.along(covariances,
                    Matrices.transpose(new PreviousEstimate(covariances, d).commonOrientation(), d), d);
            default -> CovarianceDecomposition.eigen(covariances, d);
        };
    }

    private static double[] flat(double[][] m, int d) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, out, i * d, d);
        }
        return out;
    }
}
