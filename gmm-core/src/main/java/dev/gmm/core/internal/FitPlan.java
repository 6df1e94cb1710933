package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.FitContext;
import dev.gmm.core.spi.Initializer;
import dev.gmm.core.spi.ScatterKind;

import java.util.concurrent.Executor;

/**
 * How one fit runs, decided once before its first pass: the workers (the caller's executor, or a pool
 * of threads the fit owns), the kernels for the job's size, and the covariance model and initializer
 * instances. The initializer (to which the plan is the {@link FitContext}), every EM or variational
 * iteration and the fit's final scoring run on it; nothing in between builds threads, chooses a kernel
 * or looks a provider up by name. Closing the plan ends the threads it owns.
 *
 * <p>Kernels follow {@link Kernels#forWork}'s rule (a function of the shape alone, {@code -Dgmm.kernel}
 * forcing a choice), so a fit runs the same kernels it ran before there was a plan.
 */
public final class FitPlan implements FitContext, AutoCloseable {
    private final CovarianceModel covariance;
    private final Initializer initializer;
    private final EmKernel kernel;
    private final EmKernel distanceKernel;
    /** The shape the distance kernel was chosen for: rows, centres, features. */
    private final long[] distanceShape;
    private final WorkerPool passes;

    private FitPlan(CovarianceModel covariance, Initializer initializer, EmKernel kernel, DataMatrix data,
                    int components, int threads, Executor executor) {
        this.covariance = covariance;
        this.initializer = initializer;
        this.kernel = kernel;
        this.distanceShape = new long[] {data.rows(), Math.max(components, 1), data.cols()};
        this.distanceKernel = Kernels.forWork(data.rows(), Math.max(components, 1), data.cols(), false);
        this.passes = new WorkerPool(threads, executor);
    }

    /**
     * The plan of an EM fit of {@code data}: the EM kernel for its size (rows × K × D, triangular or
     * diagonal work by the covariance model's scatter), unless {@code kernel} forces one (tests).
     *
     * @param kernel the kernel to run, or null to choose it by the job's size
     */
    public static FitPlan forEm(EmOptions job, DataMatrix data, EmKernel kernel) {
        CovarianceModel covariance = Plugins.covarianceModel(job.covarianceType());
        boolean full = covariance.scatterKind() != ScatterKind.DIAGONAL;
        EmKernel chosen = kernel != null ? kernel
                : Kernels.forWork(data.rows(), job.components(), data.cols(), full);
        return new FitPlan(covariance, Plugins.initializer(job.initMethod()), chosen, data, job.components(),
                job.threads(), job.executor());
    }

    /**
     * The plan of a variational fit: its passes run the kernel this JVM loaded ({@link Kernels#active()},
     * what the variational engine has always run, whatever the size), unless {@code kernel} forces one.
     */
    public static FitPlan forVariational(EmOptions job, DataMatrix data, EmKernel kernel) {
        return new FitPlan(Plugins.covarianceModel(job.covarianceType()), Plugins.initializer(job.initMethod()),
                kernel != null ? kernel : Kernels.active(), data, job.components(), job.threads(), job.executor());
    }

    /** The covariance model, resolved once for the fit. */
    public CovarianceModel covariance() {
        return covariance;
    }

    /** The initializer, resolved once for the fit. */
    public Initializer initializer() {
        return initializer;
    }

    /** The kernel of the fit's passes. */
    public EmKernel kernel() {
        return kernel;
    }

    /**
     * The kernel of a start's nearest-centre passes over {@code data} with at most {@code centres}
     * centres (diagonal-sized work): the one chosen with the plan for the fit's data and K, else one by
     * the same rule (an initializer that runs k-means on part of the data).
     */
    public EmKernel distanceKernel(DataMatrix data, int centres) {
        int k = Math.max(centres, 1);
        boolean planned = data.rows() == distanceShape[0] && k == distanceShape[1] && data.cols() == distanceShape[2];
        return planned ? distanceKernel : Kernels.forWork(data.rows(), k, data.cols(), false);
    }

    /** The workers of the fit's passes (its report counts how many took part). */
    public WorkerPool passes() {
        return passes;
    }

    /** The fit's workers, the calling thread included. */
    @Override
    public int threads() {
        return passes.workers();
    }

    /**
     * What the fit's other workers run on (the caller's executor, or the fit's own threads), so an
     * initializer's passes use the fit's threads instead of starting more; null with one thread.
     */
    @Override
    public Executor executor() {
        return passes.helpers();
    }

    /** Ends the threads the plan owns (a caller's executor is the caller's). */
    @Override
    public void close() {
        passes.close();
    }
}
