package dev.gmm.parsimonious.internal;

import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.SymmetricEigen;
import dev.gmm.core.spi.CovarianceParameters;

/**
 * The previous M-step's covariances Σₖ, taken apart into the pieces an iterative M-step resumes from.
 * mclust keeps the inner state of VEI ({@code mevei}: shape, volumes), VEV ({@code mevev}: shape,
 * volumes) and EVE/VVE ({@code meeve}, {@code mevve}: orientation, shapes) from one EM iteration to the
 * next; gmm's engine hands over only the parameters, and these recover that state from Σₖ = λₖ·D·Aₖ·Dᵀ
 * to rounding. The inner iterations are equivariant under a common permutation or sign change of the
 * directions, so the order and signs an eigendecomposition picks do not matter.
 */
final class PreviousEstimate {
    /** Distinct, unrelated weights for the mixture of covariances whose eigenvectors are the common D. */
    private static final double GOLDEN = 0.6180339887498949;

    private final double[][] covariances;
    private final int features;

    PreviousEstimate(double[][] covariances, int features) {
        this.covariances = covariances;
        this.features = features;
    }

    /**
     * The previous parameters as K blocks of D·D, or null when there are none (a start's first M-step)
     * or they have another shape (then the inner iteration starts afresh, as mclust's first does).
     */
    static PreviousEstimate of(CovarianceParameters previous, int components, int features) {
        if (previous == null || previous.components() != components || previous.features() != features
                || !previous.covariances().hasShape(components, features, features)) {
            return null;
        }
        double[][] blocks = new double[components][];
        for (int k = 0; k < components; k++) {
            blocks[k] = previous.covariances().block(k, features * features);
        }
        return new PreviousEstimate(blocks, features);
    }

    /** The volume λₖ = det(Σₖ)^(1/D) of each component (VEI, VEV). */
    double[] volumes() {
        double[] out = new double[covariances.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Dense.geometricMean(SymmetricEigen.of(covariances[k], features).values());
        }
        return out;
    }

    /** The common axis-aligned shape A = diag(Σ₀) / det^(1/D) (VEI). */
    double[] axisAlignedShape() {
        return normalized(Dense.diagonal(covariances[0], features));
    }

    /** The common shape A = eigenvalues of Σ₀, largest first, / det^(1/D) (VEV, whose Dₖ are ordered so). */
    double[] eigenShape() {
        return normalized(SymmetricEigen.of(covariances[0], features).values());
    }

    /**
     * Dᵀ (rows the directions) of covariances that share one orientation (EVE, VVE): the eigenvectors of
     * Σₖ cₖ·Σₖ/tr(Σₖ) with distinct weights cₖ, which every Σₖ shares and which a common repeated
     * eigenvalue of one Σₖ alone would leave undetermined.
     */
    double[] commonOrientation() {
        int d = features;
        double[] mixture = new double[d * d];
        for (int k = 0; k < covariances.length; k++) {
            double weight = (1 + GOLDEN * k) / java.util.Arrays.stream(Dense.diagonal(covariances[k], d)).sum();
            for (int i = 0; i < d * d; i++) {
                mixture[i] += weight * covariances[k][i];
            }
        }
        Dense.symmetrize(mixture, d);
        return Matrices.transpose(SymmetricEigen.of(mixture, d).vectors(), d);
    }

    /** Each Aₖ = diag(Dᵀ·Σₖ·D) / det^(1/D) for the orientation {@code o} = Dᵀ (EVE, VVE). */
    double[][] shapesAlong(double[] o) {
        int d = features;
        double[] ot = Matrices.transpose(o, d);
        double[][] out = new double[covariances.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = normalized(Dense.diagonal(Dense.multiply(Dense.multiply(o, covariances[k], d), ot, d), d));
        }
        return out;
    }

    private static double[] normalized(double[] values) {
        double volume = Dense.geometricMean(values);
        double[] out = values.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] /= volume;
        }
        return out;
    }
}
