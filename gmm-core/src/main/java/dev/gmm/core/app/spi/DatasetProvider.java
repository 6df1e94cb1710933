package dev.gmm.core.app.spi;

import dev.gmm.core.spi.NamedProvider;

import java.io.IOException;
import java.nio.file.Path;

/** A named data set ("iris", "california-housing", "mnist", ...), bundled, generated or loaded from a path. */
public interface DatasetProvider extends NamedProvider {

    /** Whether {@link #load} needs a path (real data sets not shipped with the project). */
    boolean requiresPath();

    /**
     * Loads the data set.
     *
     * @param path where the data set lives, or null for the bundled or generated version
     * @throws IOException              when the files cannot be read, naming the file
     * @throws IllegalArgumentException when the content is malformed, naming the file and place
     */
    Dataset load(Path path) throws IOException;
}
