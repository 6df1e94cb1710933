package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.datasets.Covariance;

import java.util.List;

/** Pearson correlation between the columns of a data set. */
final class Correlation {
    private Correlation() {
    }

    /** D × D correlations; a constant column correlates 0 with the others and 1 with itself. */
    static double[][] matrix(DataMatrix data) {
        return Covariance.correlation(data);
    }

    static Heatmap heatmap(String title, DataMatrix data, List<String> names) {
        return new Heatmap(title, names, names, matrix(data));
    }
}
