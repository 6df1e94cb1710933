package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;

/** A fitted clustering: its centres, its training labels, and labels for new data. */
public interface FittedClusterer {

    /** The number of clusters. */
    int clusters();

    /** Cluster centres, k × D (component means for a mixture). */
    double[][] centers();

    /** The label of each training row. */
    int[] labels();

    /** The label of each row of new data (same width as the training data). */
    int[] predict(DataMatrix data);

    /**
     * Membership probabilities, rows × k; hard methods return one-hot rows.
     */
    default double[][] predictProba(DataMatrix data) {
        int[] labels = predict(data);
        double[][] p = new double[labels.length][clusters()];
        for (int i = 0; i < labels.length; i++) {
            p[i][labels[i]] = 1;
        }
        return p;
    }
}
