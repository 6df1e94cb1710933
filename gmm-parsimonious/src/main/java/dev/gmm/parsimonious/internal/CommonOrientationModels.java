package dev.gmm.parsimonious.internal;

import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.linalg.SymmetricEigen;
import dev.gmm.core.spi.IllDefinedCovarianceException;
import dev.gmm.parsimonious.MclustModel;

/**
 * EVE and VVE: one orientation D for all components, each its own shape Aₖ (and for VVE its own
 * volume). Neither has a closed form; mclust (its {@code mseve}/{@code msvve}) runs Browne &amp;
 * McNicholas' (2014) two majorize-minimize steps for D, then Aₖ from diag(Dᵀ·Wₖ·D), until the target
 * Σₖ tr(Dᵀ·Wₖ·D·Aₖ⁻¹) changes by less than sqrt(eps). That rule leaves D visibly short of its fixed
 * point, so where the iteration starts matters: mclust's {@code me} starts from D = I and Aₖ = I in its
 * first EM iteration and from the previous iteration's D and Aₖ after that ({@code meeve}: "we don't
 * re-initialize shape and orientation at each outer iteration"). We follow it step for step.
 */
public final class CommonOrientationModels {
    private CommonOrientationModels() {
    }

    /** EVE: equal volume λ = target / (n·D). */
    public static final class Eve extends EigenDecomposedModel {
        public Eve() {
            super(MclustModel.EVE);
        }

        @Override
        double[][] covariances(Scatters s) {
            return solve(s, false, null);
        }

        @Override
        double[][] covariances(Scatters s, PreviousEstimate previous) {
            return solve(s, false, previous);
        }
    }

    /** VVE: each component's volume λₖ = det(diag(Dᵀ·Wₖ·D) / nₖ)^(1/D). */
    public static final class Vve extends EigenDecomposedModel {
        public Vve() {
            super(MclustModel.VVE);
        }

        @Override
        double[][] covariances(Scatters s) {
            return solve(s, true, null);
        }

        @Override
        double[][] covariances(Scatters s, PreviousEstimate previous) {
            return solve(s, true, previous);
        }
    }

    private static double[][] solve(Scatters s, boolean variableVolume, PreviousEstimate previous) {
        int d = s.features;
        int g = s.components;
        double[] largest = new double[g];
        for (int k = 0; k < g; k++) {
            double[] omega = SymmetricEigen.of(s.w[k], d).values();
            if (!(omega[d - 1] >= InnerIteration.TOLERANCE)) { // mclust: min eigenvalue below sqrt(eps)
                throw IllDefinedCovarianceException.forComponent(k, 0);
            }
            largest[k] = omega[0];
        }
        // o holds Dᵀ: its rows are the principal directions
        double[] o;
        double[][] shape;
        if (previous == null) {
            o = Matrices.diagonalMatrix(AxisAlignedModels.filled(d, 1));
            shape = new double[g][];
            for (int k = 0; k < g; k++) {
                shape[k] = AxisAlignedModels.filled(d, 1);
            }
        } else {
            o = previous.commonOrientation();
            shape = previous.shapesAlong(o);
        }
        double[] scale = new double[g];
        double target = Double.MAX_VALUE;
        double previousTarget = Double.MAX_VALUE / 2;
        double change = Double.MAX_VALUE;
        int inner = 0;
        while (change > InnerIteration.TOLERANCE && inner < InnerIteration.maxIterations()) {
            inner++;
            o = firstMajorization(s, o, shape, largest);
            o = secondMajorization(s, o, shape);
            target = 0;
            for (int k = 0; k < g; k++) {
                double[] rotated = Dense.multiply(Dense.multiply(o, s.w[k], d), Matrices.transpose(o, d), d);
                double[] a = Dense.diagonal(rotated, d);
                if (variableVolume) {
                    for (int j = 0; j < d; j++) {
                        a[j] /= s.weights[k];
                    }
                    scale[k] = Dense.geometricMean(a);
                    InnerIteration.requirePositive(new double[] {scale[k]}, k);
                    for (int j = 0; j < d; j++) {
                        a[j] /= scale[k];
                    }
                } else {
                    double volume = Dense.geometricMean(a);
                    for (int j = 0; j < d; j++) {
                        a[j] /= volume;
                    }
                }
                for (double v : a) {
                    if (!(v >= InnerIteration.TOLERANCE)) {
                        throw IllDefinedCovarianceException.forComponent(k, 0);
                    }
                }
                shape[k] = a;
                for (int j = 0; j < d; j++) {
                    target += rotated[j * d + j] / a[j];
                }
            }
            change = InnerIteration.change(previousTarget, target);
            previousTarget = target;
        }
        if (change > InnerIteration.TOLERANCE) {
            InnerIteration.warnNotConverged(variableVolume ? "VVE" : "EVE", change);
        }
        double lambda = target / (s.total * d);
        double[][] out = new double[g][];
        for (int k = 0; k < g; k++) {
            double[] values = new double[d];
            for (int j = 0; j < d; j++) {
                values[j] = (variableVolume ? scale[k] : lambda) * shape[k][j];
            }
            out[k] = Dense.fromRows(o, values, d);
        }
        return out;
    }

    /** MM 1: F = Σₖ Aₖ⁻¹·Dᵀ·(Wₖ − ωₖ·I) with ωₖ the largest eigenvalue of Wₖ; the new Dᵀ is F's polar factor. */
    private static double[] firstMajorization(Scatters s, double[] o, double[][] shape, double[] largest) {
        int d = s.features;
        double[] f = new double[d * d];
        for (int k = 0; k < s.components; k++) {
            double[] scaled = new double[d * d];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    scaled[j * d + i] = o[j * d + i] / shape[k][j];
                }
            }
            double[] product = Dense.multiply(scaled, s.w[k], d);
            for (int i = 0; i < d * d; i++) {
                f[i] += product[i] - largest[k] * scaled[i];
            }
        }
        return Matrices.transpose(Dense.orthogonalPolarFactor(f, d), d);
    }

    /**
     * MM 2: F = Σₖ Wₖ·D·(Aₖ⁻¹ − max(Aₖ⁻¹)·I); the new Dᵀ is the transpose of F's polar factor
     * (mclust's modification of Browne &amp; McNicholas' second step).
     */
    private static double[] secondMajorization(Scatters s, double[] d0, double[][] shape) {
        int d = s.features;
        double[] f = new double[d * d];
        for (int k = 0; k < s.components; k++) {
            double[] wd = Dense.multiply(s.w[k], d0, d);
            double largestInverse = 0;
            for (double a : shape[k]) {
                largestInverse = Math.max(largestInverse, 1 / a);
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    f[i * d + j] += wd[i * d + j] / shape[k][j] - largestInverse * wd[i * d + j];
                }
            }
        }
        return Matrices.transpose(Dense.orthogonalPolarFactor(f, d), d);
    }
}
