package dev.gmm.core.app.spi;

import dev.gmm.core.ProgressListener;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an experiment is given.
 *
 * @param data     the real data set's path, or null to run on bundled or generated data
 * @param workDir  a directory the experiment may write caches and artefacts into
 * @param seed     the seed of every random choice
 * @param progress where to report progress of long steps
 * @param options  the experiment's settings as given ({@code --option KEY=VALUE}), by key; an experiment
 *                 reads them typed and checked through {@link #read(Experiment)}
 */
public record ExperimentContext(Path data, Path workDir, long seed, ProgressListener progress,
                                Map<String, String> options) {
    /** Copies the options; a null progress listener reports nowhere. */
    public ExperimentContext {
        options = Map.copyOf(options);
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
    }

    /**
     * The options of this run, parsed against what {@code experiment} declares in
     * {@link Experiment#options()}.
     *
     * @throws IllegalArgumentException for a key the experiment does not declare (listing those it does)
     *                                  or a value that does not parse (naming the key and the value)
     */
    public ExperimentOptions read(Experiment experiment) {
        return ExperimentOptions.parse(experiment.name(), experiment.options(), options);
    }
}
