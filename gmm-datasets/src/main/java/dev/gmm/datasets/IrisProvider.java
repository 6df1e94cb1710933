package dev.gmm.datasets;

import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;

import java.nio.file.Path;

/** The bundled Iris data set as the "iris" {@link DatasetProvider}; a path, if given, is ignored. */
public final class IrisProvider implements DatasetProvider {
    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public IrisProvider() {
    }

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public String description() {
        return "Fisher's Iris (bundled): 150 samples, 4 features, 3 species";
    }

    @Override
    public boolean requiresPath() {
        return false;
    }

    @Override
    public Dataset load(Path path) {
        return Datasets.iris();
    }
}
