package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.FitContext;
import dev.gmm.core.internal.FitPlan;
import dev.gmm.core.internal.RowChunks;
import dev.gmm.core.internal.WorkerPool;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.Kernels;

/**
 * Nearest-centre passes over the data for k-means and k-means++, chunked over the fit's threads. Inside
 * a fit the context is its {@link FitPlan}: the kernel is the plan's and the workers run on the plan's
 * executor, so a start builds no threads of its own. Chunks depend on the row count only and per-chunk
 * results are reduced in chunk order, so results do not depend on the number of threads. Holds its
 * buffers for the whole run.
 */
final class DistancePass implements AutoCloseable {
    private final DataMatrix data;
    private final EmKernel kernel;
    private final WorkerPool pool;
    private final EmKernel.Workspace[] workspaces;
    final int[] bounds;

    DistancePass(DataMatrix data, int maxCentres, FitContext context) {
        this.data = data;
        this.kernel = context instanceof FitPlan plan ? plan.distanceKernel(data, maxCentres)
                : Kernels.forWork(data.rows(), maxCentres, data.cols(), false);
        this.bounds = RowChunks.bounds(data.rows());
        int chunks = bounds.length - 1;
        this.pool = new WorkerPool(Math.min(chunks, context.threads()), context.executor());
        this.workspaces = new EmKernel.Workspace[pool.workers()];
        for (int w = 0; w < workspaces.length; w++) {
            workspaces[w] = kernel.newWorkspace(maxCentres, data.cols());
        }
    }

    int chunks() {
        return bounds.length - 1;
    }

    /** Work on one chunk after its nearest-centre step. */
    @FunctionalInterface
    interface ChunkAction {
        void run(int chunk, int from, int to);
    }

    /**
     * For every row, the nearest of the first {@code k} centres into labels and distances, then
     * {@code then} on the same chunk while its rows are in cache.
     */
    void nearest(double[] centres, int k, int[] labels, double[] distances, ChunkAction then) {
        pool.run(chunks(), (c, w) -> {
            kernel.nearestCentres(data, bounds[c], bounds[c + 1], centres, k, labels, distances, workspaces[w]);
            if (then != null) {
                then.run(c, bounds[c], bounds[c + 1]);
            }
        });
    }

    /** The nearest-centre step on the worker's own workspace, for rows inside one chunk. */
    @FunctionalInterface
    interface Nearest {
        void nearest(double[] centres, int k, int from, int to, int[] labels, double[] distances);
    }

    /** Work on one chunk that runs its own nearest-centre steps. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int chunk, int from, int to, Nearest nearest);
    }

    /** Runs {@code work} on every chunk, over all workers. */
    void forEachChunk(ChunkWork work) {
        pool.run(chunks(), (c, w) -> work.run(c, bounds[c], bounds[c + 1],
                (centres, k, from, to, labels, distances) -> kernel.nearestCentres(data, from, to, centres, k,
                        labels, distances, workspaces[w])));
    }

    @Override
    public void close() {
        pool.close();
    }
}
