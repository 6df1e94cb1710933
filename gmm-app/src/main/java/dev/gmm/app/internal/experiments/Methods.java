package dev.gmm.app.internal.experiments;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.Clusterer;

/**
 * The comparison partners, found by name. gmm-app does not link Smile; when gmm-baselines is missing
 * from the path the experiment cannot compare and says how to fix it.
 */
final class Methods {
    private Methods() {
    }

    static Clusterer clusterer(String name) {
        require(Clusterer.class, name);
        return Plugins.find(Clusterer.class, name);
    }

    static AnomalyDetector detector(String name) {
        require(AnomalyDetector.class, name);
        return Plugins.find(AnomalyDetector.class, name);
    }

    private static void require(Class<? extends dev.gmm.core.spi.NamedProvider> spi, String name) {
        if (!Plugins.names(spi).contains(name)) {
            throw new IllegalStateException("'" + name + "' is not registered (gmm-baselines is not on the module or "
                    + "class path); this experiment compares against it: run the app with gmm-baselines present");
        }
    }
}
