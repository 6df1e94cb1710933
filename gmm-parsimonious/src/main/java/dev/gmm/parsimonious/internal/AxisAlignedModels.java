package dev.gmm.parsimonious.internal;

import dev.gmm.parsimonious.MclustModel;

import java.util.Arrays;

/**
 * The axis-aligned models scikit-learn lacks (orientation the identity), from the diagonals of the
 * scatters (Celeux &amp; Govaert 1995, section 3; mclust's {@code mseii}, {@code mseei}, {@code mevei},
 * {@code msevi}). Each returns per component the D variances λₖ·Aₖ.
 */
public final class AxisAlignedModels {
    private AxisAlignedModels() {
    }

    /** EII: one variance for every feature and component, tr(Σ Wₖ) / (n·D). */
    public static final class Eii extends EigenDecomposedModel {
        public Eii() {
            super(MclustModel.EII);
        }

        @Override
        double[][] covariances(Scatters s) {
            double sum = 0;
            for (double v : s.pooled()) {
                sum += v;
            }
            return same(s.components, filled(s.features, sum / (s.total * s.features)));
        }
    }

    /** EEI: one diagonal covariance for every component, diag(Σ Wₖ) / n. */
    public static final class Eei extends EigenDecomposedModel {
        public Eei() {
            super(MclustModel.EEI);
        }

        @Override
        double[][] covariances(Scatters s) {
            double[] variances = s.pooled();
            for (int j = 0; j < variances.length; j++) {
                variances[j] /= s.total;
            }
            return same(s.components, variances);
        }
    }

    /** EVI: equal volume λ = Σ det(diag Wₖ)^(1/D) / n, each component its own shape Aₖ = diag Wₖ / det^(1/D). */
    public static final class Evi extends EigenDecomposedModel {
        public Evi() {
            super(MclustModel.EVI);
        }

        @Override
        double[][] covariances(Scatters s) {
            double[] volumes = new double[s.components];
            double lambda = 0;
            for (int k = 0; k < s.components; k++) {
                InnerIteration.requirePositive(s.w[k], k);
                volumes[k] = Dense.geometricMean(s.w[k]);
                lambda += volumes[k];
            }
            lambda /= s.total;
            double[][] out = new double[s.components][s.features];
            for (int k = 0; k < s.components; k++) {
                for (int j = 0; j < s.features; j++) {
                    out[k][j] = lambda * s.w[k][j] / volumes[k];
                }
            }
            return out;
        }
    }

    /**
     * VEI: each component its own volume λₖ, one shape A for all; no closed form, so mclust's
     * alternation (its {@code mevei}): λₖ = Σⱼ wⱼₖ/Aⱼ / (D·nₖ), then Aⱼ ∝ Σₖ wⱼₖ/λₖ scaled to det 1, from
     * λ = A = 1 in a start's first M-step and from the previous M-step's λₖ and A after that (mclust
     * keeps them across EM iterations), until both change by less than sqrt(eps).
     */
    public static final class Vei extends EigenDecomposedModel {
        public Vei() {
            super(MclustModel.VEI);
        }

        @Override
        double[][] covariances(Scatters s) {
            return covariances(s, null);
        }

        @Override
        double[][] covariances(Scatters s, PreviousEstimate previous) {
            int d = s.features;
            int g = s.components;
            double[] shape = previous == null ? filled(d, 1) : previous.axisAlignedShape();
            double[] scale = previous == null ? filled(g, 1) : previous.volumes();
            double change = Double.MAX_VALUE;
            int inner = 0;
            while (change > InnerIteration.TOLERANCE && inner < InnerIteration.maxIterations()) {
                inner++;
                double[] previousScale = scale.clone();
                for (int k = 0; k < g; k++) {
                    double sum = 0;
                    for (int j = 0; j < d; j++) {
                        sum += s.w[k][j] / shape[j];
                    }
                    scale[k] = sum / (d * s.weights[k]);
                }
                InnerIteration.requirePositive(scale, 0);
                double[] previousShape = shape.clone();
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int k = 0; k < g; k++) {
                        sum += s.w[k][j] / scale[k];
                    }
                    shape[j] = sum;
                }
                InnerIteration.requirePositive(shape, 0);
                double volume = Dense.geometricMean(shape);
                change = 0;
                for (int j = 0; j < d; j++) {
                    shape[j] /= volume;
                    change = Math.max(change, InnerIteration.change(previousShape[j], shape[j]));
                }
                for (int k = 0; k < g; k++) {
                    change = Math.max(change, InnerIteration.change(previousScale[k], scale[k]));
                }
            }
            if (change > InnerIteration.TOLERANCE) {
                InnerIteration.warnNotConverged("VEI", change);
            }
            double[][] out = new double[g][d];
            for (int k = 0; k < g; k++) {
                for (int j = 0; j < d; j++) {
                    out[k][j] = scale[k] * shape[j];
                }
            }
            return out;
        }
    }

    static double[] filled(int length, double value) {
        double[] a = new double[length];
        Arrays.fill(a, value);
        return a;
    }

    /** The same variances for every component (each its own copy). */
    private static double[][] same(int components, double[] variances) {
        double[][] out = new double[components][];
        for (int k = 0; k < components; k++) {
            out[k] = variances.clone();
        }
        return out;
    }
}
