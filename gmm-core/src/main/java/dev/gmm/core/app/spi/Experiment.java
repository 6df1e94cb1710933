package dev.gmm.core.app.spi;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.NamedProvider;

import java.util.List;

/**
 * One experiment of the study ("blobs", "anomaly", "segment-image", "audio-emotions", ...). It
 * produces data (tables, series, matrices, images); only the app turns them into plots and HTML.
 *
 * <p>Its settings are declared in {@link #options()} and read, typed and checked, with
 * {@code context.read(this)}: a key it does not declare is refused, so a mistyped option is an error
 * rather than a silent default.
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

    /** The options users may set ({@code --option KEY=VALUE}), with their defaults; none by default. */
    default List<ExperimentOption<?>> options() {
        return List.of();
    }
}
