package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.ProgressListener;
import dev.gmm.metrics.ModelSelection.Axis;
import dev.gmm.metrics.ModelSelection.OnFailure;
import dev.gmm.metrics.ModelSelection;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses the number of components and the covariance type by BIC, through gmm-metrics'
 * {@link ModelSelection} with {@link OnFailure#SKIP}: a grid point whose covariance is ill-defined
 * (duplicated or discrete rows, a constant column) is skipped and counted rather than failing the
 * search, since real benchmark data has such columns and the other grid points are still valid
 * choices. The grid runs covariance type by covariance type, 1 to the most components, so of two
 * equal BICs the earlier in that order wins.
 */
final class BicSearch {
    private BicSearch() {
    }

    /**
     * Fits 1..{@code maxComponents} components (at most one per row) of each covariance type and ranks
     * them by BIC; {@code progress} advances one step per grid point inside the caller's task.
     *
     * @throws IllegalArgumentException when every grid point failed
     */
    static ModelSelection.Result search(DataMatrix data, int maxComponents, List<String> covarianceTypes, long seed,
                                        ProgressListener progress) {
        int[] components = IntStream.rangeClosed(1, Math.min(maxComponents, data.rows())).toArray();
        try {
            return ModelSelection.builder().components(components)
                    .covarianceTypes(covarianceTypes.toArray(String[]::new))
                    .nesting(Axis.COVARIANCE_TYPE, Axis.COMPONENTS).onFailure(OnFailure.SKIP).seed(seed).build()
                    .select(data, null, stepsOnly(progress));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("every mixture of 1.." + maxComponents + " components "
                    + covarianceTypes + " failed (" + e.getMessage() + "): the data has too few distinct rows; "
                    + "remove constant or duplicated columns", e);
        }
    }

    /** Forwards the steps of the search to {@code progress}, whose task the caller started and finishes. */
    private static ProgressListener stepsOnly(ProgressListener progress) {
        return new ProgressListener() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void advance(long steps) {
                progress.advance(steps);
            }

            @Override
            public void finish() {
            }
        };
    }
}
