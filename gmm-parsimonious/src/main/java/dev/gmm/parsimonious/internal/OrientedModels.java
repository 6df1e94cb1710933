package dev.gmm.parsimonious.internal;

import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.SymmetricEigen;
import dev.gmm.core.spi.IllDefinedCovarianceException;
import dev.gmm.parsimonious.MclustModel;

/**
 * The general models scikit-learn lacks whose M-step works from each scatter's eigendecomposition
 * Wₖ = Dₖ·Ωₖ·Dₖᵀ (eigenvalues decreasing, as mclust's SVD orders them) or from the scatters directly
 * (Celeux &amp; Govaert 1995, section 3; mclust's {@code mseev}, {@code msevv}, {@code mevee},
 * {@code mevev}). Each returns per component the D·D covariance.
 */
public final class OrientedModels {
    private OrientedModels() {
    }

    /** EEV: equal volume and shape, each component its own orientation: A·λ = Σₖ Ωₖ / n. */
    public static final class Eev extends EigenDecomposedModel {
        public Eev() {
            super(MclustModel.EEV);
        }

        @Override
        double[][] covariances(Scatters s) {
            int d = s.features;
            SymmetricEigen[] eigen = eigenOfEach(s);
            double[] volumeShape = new double[d];
            for (SymmetricEigen e : eigen) {
                double[] omega = e.values();
                for (int j = 0; j < d; j++) {
                    volumeShape[j] += omega[j] / s.total;
                }
            }
            double[][] out = new double[s.components][];
            for (int k = 0; k < s.components; k++) {
                out[k] = Dense.fromColumns(eigen[k].vectors(), volumeShape, d);
            }
            return out;
        }
    }

    /** EVV: equal volume λ = Σₖ det(Wₖ)^(1/D) / n, shape and orientation Wₖ / det(Wₖ)^(1/D) of each. */
    public static final class Evv extends EigenDecomposedModel {
        public Evv() {
            super(MclustModel.EVV);
        }

        @Override
        double[][] covariances(Scatters s) {
            SymmetricEigen[] eigen = eigenOfEach(s);
            double[] volumes = new double[s.components];
            double lambda = 0;
            for (int k = 0; k < s.components; k++) {
                volumes[k] = Dense.geometricMean(eigen[k].values());
                lambda += volumes[k];
            }
            lambda /= s.total;
            double[][] out = new double[s.components][];
            for (int k = 0; k < s.components; k++) {
                out[k] = s.w[k].clone();
                for (int i = 0; i < out[k].length; i++) {
                    out[k][i] *= lambda / volumes[k];
                }
            }
            return out;
        }
    }

    /**
     * VEE: each its own volume λₖ, one shape-and-orientation C (det 1) for all; mclust's {@code mevee}
     * alternation from λₖ = 1: C ∝ Σₖ Wₖ/λₖ scaled to det 1, λₖ = tr(Wₖ·C⁻¹) / (D·nₖ), until the target
     * n·D + D·Σₖ nₖ·log λₖ changes by less than sqrt(eps).
     */
    public static final class Vee extends EigenDecomposedModel {
        public Vee() {
            super(MclustModel.VEE);
        }

        @Override
        double[][] covariances(Scatters s) {
            int d = s.features;
            int g = s.components;
            double[] scale = AxisAlignedModels.filled(g, 1);
            double[] c = null;
            double previous = Double.MAX_VALUE / 2;
            double change = Double.MAX_VALUE;
            int inner = 0;
            while (change > InnerIteration.TOLERANCE && inner < InnerIteration.maxIterations()) {
                inner++;
                c = new double[d * d];
                for (int k = 0; k < g; k++) {
                    for (int i = 0; i < d * d; i++) {
                        c[i] += s.w[k][i] / scale[k];
                    }
                }
                double[] eigenvalues = SymmetricEigen.of(c, d).values();
                InnerIteration.requirePositive(eigenvalues, 0);
                double volume = Dense.geometricMean(eigenvalues);
                for (int i = 0; i < d * d; i++) {
                    c[i] /= volume;
                }
                double[] inverse = Matrices.inverseSpd(c, d);
                if (inverse == null) {
                    throw IllDefinedCovarianceException.forComponent(0, 0);
                }
                double target = s.total * d;
                for (int k = 0; k < g; k++) {
                    scale[k] = Dense.traceOfProduct(s.w[k], inverse, d) / (d * s.weights[k]);
                    target += d * Math.log(scale[k]) * s.weights[k];
                }
                InnerIteration.requirePositive(scale, 0);
                change = InnerIteration.change(previous, target);
                previous = target;
            }
            if (change > InnerIteration.TOLERANCE) {
                InnerIteration.warnNotConverged("VEE", change);
            }
            double[][] out = new double[g][];
            for (int k = 0; k < g; k++) {
                out[k] = c.clone();
                for (int i = 0; i < d * d; i++) {
                    out[k][i] *= scale[k];
                }
            }
            return out;
        }
    }

    /**
     * VEV: each its own volume λₖ and orientation Dₖ, one shape A; mclust's {@code msvev} alternation on
     * the eigenvalues Ωₖ from A ∝ Σₖ Ωₖ: λₖ = Σⱼ Ωⱼₖ/Aⱼ / (D·nₖ), Aⱼ ∝ Σₖ Ωⱼₖ/λₖ scaled to det 1, until
     * both change by less than sqrt(eps); after a start's first M-step it resumes from the previous
     * M-step's A and λₖ, as mclust's {@code mevev} does.
     */
    public static final class Vev extends EigenDecomposedModel {
        public Vev() {
            super(MclustModel.VEV);
        }

        @Override
        double[][] covariances(Scatters s) {
            return covariances(s, null);
        }

        @Override
        double[][] covariances(Scatters s, PreviousEstimate previous) {
            int d = s.features;
            int g = s.components;
            SymmetricEigen[] eigen = eigenOfEach(s);
            double[][] omega = new double[g][];
            double[] shape = new double[d];
            for (int k = 0; k < g; k++) {
                omega[k] = eigen[k].values();
                for (int j = 0; j < d; j++) {
                    shape[j] += omega[k][j];
                }
            }
            InnerIteration.requirePositive(shape, 0);
            double volume = Dense.geometricMean(shape);
            double[] scale = AxisAlignedModels.filled(g, volume / s.total);
            for (int j = 0; j < d; j++) {
                shape[j] /= volume;
            }
            if (previous != null) {
                shape = previous.eigenShape();
                scale = previous.volumes();
            }
            double change = Double.MAX_VALUE;
            int inner = 0;
            while (change >= InnerIteration.TOLERANCE && inner < InnerIteration.maxIterations()) {
                double[] previousShape = shape.clone();
                double[] previousScale = scale.clone();
                double[] next = new double[d];
                for (int k = 0; k < g; k++) {
                    double sum = 0;
                    for (int j = 0; j < d; j++) {
                        sum += omega[k][j] / previousShape[j];
                    }
                    scale[k] = sum / s.weights[k] / d;
                    for (int j = 0; j < d; j++) {
                        next[j] += omega[k][j] / scale[k];
                    }
                }
                inner++;
                InnerIteration.requirePositive(scale, 0);
                InnerIteration.requirePositive(next, 0);
                volume = Dense.geometricMean(next);
                change = 0;
                for (int j = 0; j < d; j++) {
                    shape[j] = next[j] / volume;
                    change = Math.max(change, InnerIteration.change(previousShape[j], shape[j]));
                }
                for (int k = 0; k < g; k++) {
                    change = Math.max(change, InnerIteration.change(previousScale[k], scale[k]));
                }
            }
            if (change >= InnerIteration.TOLERANCE) {
                InnerIteration.warnNotConverged("VEV", change);
            }
            double[][] out = new double[g][];
            for (int k = 0; k < g; k++) {
                double[] values = new double[d];
                for (int j = 0; j < d; j++) {
                    values[j] = scale[k] * shape[j];
                }
                out[k] = Dense.fromColumns(eigen[k].vectors(), values, d);
            }
            return out;
        }
    }

    /** The eigendecomposition of every scatter; a scatter that is not positive definite is ill-defined. */
    static SymmetricEigen[] eigenOfEach(Scatters s) {
        SymmetricEigen[] out = new SymmetricEigen[s.components];
        for (int k = 0; k < s.components; k++) {
            out[k] = SymmetricEigen.of(s.w[k], s.features);
            InnerIteration.requirePositive(out[k].values(), k);
        }
        return out;
    }
}
