package dev.gmm.core.app.spi;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.NamedProvider;

/**
 * One experiment of the study ("blobs", "anomaly", "segment-image", "audio-emotions", ...). It
 * produces data (tables, series, matrices, images); only the app turns them into plots and HTML.
 */
public interface Experiment extends NamedProvider {

    /** Runs the experiment with the data, seed and options of {@code context}, and returns what it produced. */
    ExperimentResult run(ExperimentContext context) throws Exception;

    /**
     * Whether the experiment reads a real data set from {@link ExperimentContext#data()}; those
     * that always generate their data say no, so a user's {@code --data} is refused, not ignored.
     */
    default boolean readsData() {
        return true;
    }
}
