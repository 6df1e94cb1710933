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
 * @param options  extra settings by name
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

    /** The option {@code name}, or {@code fallback} when it was not given. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
