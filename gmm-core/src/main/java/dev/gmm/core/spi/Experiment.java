package dev.gmm.core.spi;

import dev.gmm.core.experiment.ExperimentResult;

/**
 * One experiment of the study ("blobs", "anomaly", "segment-image", "audio-emotions", ...). It
 * produces data (tables, series, matrices, images); only the app turns them into plots and HTML.
 */
public interface Experiment extends NamedProvider {

    ExperimentResult run(ExperimentContext context) throws Exception;
}
