package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;

/** A fitted anomaly detector. */
public interface FittedDetector {

    /** Anomaly scores of new rows: higher is more anomalous. */
    double[] score(DataMatrix data);

    /** The scores of the training rows. */
    double[] trainingScores();

    /** Rows scoring above this are anomalies (the contamination quantile of the training scores). */
    double threshold();

    /** Which training rows are flagged: exactly round(contamination × n) of them. */
    boolean[] flagged();

    /** Whether each new row scores above the threshold. */
    default boolean[] predict(DataMatrix data) {
        double[] s = score(data);
        boolean[] out = new boolean[s.length];
        double t = threshold();
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] > t;
        }
        return out;
    }
}
