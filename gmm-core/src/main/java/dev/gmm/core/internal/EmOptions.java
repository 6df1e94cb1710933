package dev.gmm.core.internal;

import dev.gmm.core.IterationListener;
import dev.gmm.core.ShapedArray;

import java.util.concurrent.Executor;

/**
 * What an EM fit is asked to do, as the engines read it: the settings of a {@code GaussianMixture}
 * (and the EM part of a {@code BayesianGaussianMixture}), copied once into an immutable value. The
 * public configuration builds it and hands it to {@link EmEngine}; the engine never calls back into the
 * configuration. Covariance type and initializer are names, resolved once per fit by {@link FitPlan}.
 *
 * @param weightsInit    the given start weights, or null (never written to)
 * @param meansInit      the given start means, or null (never written to)
 * @param precisionsInit the given start precisions in the covariance type's shape, or null
 * @param executor       the caller's executor for the workers, or null for a pool of the fit's own
 * @param listener       called after every iteration, or null
 */
public record EmOptions(int components, String covarianceType, double tol, double regCovar, int maxIter, int nInit,
                        String initMethod, double[] weightsInit, double[][] meansInit, ShapedArray precisionsInit,
                        long seed, int threads, Executor executor, IterationListener listener) {
    public EmOptions {
        weightsInit = weightsInit == null ? null : weightsInit.clone();
        meansInit = meansInit == null ? null : deepCopy(meansInit);
    }

    /** Whether the configuration gives every start parameter itself (the initializer then does not run). */
    boolean givesWholeStart() {
        return weightsInit != null && meansInit != null && precisionsInit != null;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
