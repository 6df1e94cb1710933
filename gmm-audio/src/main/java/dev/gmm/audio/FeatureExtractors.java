package dev.gmm.audio;

import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.Plugins;
import java.util.List;

/**
 * Typed shortcuts to the core's registry for {@link FeatureExtractor} providers ("speech27", or a
 * plugin's); the providers are the registry's, with its name checks and its listing.
 */
public final class FeatureExtractors {
    private FeatureExtractors() {
    }

    /** Every extractor on the module path or class path, sorted by name. */
    public static List<FeatureExtractor> all() {
        return Plugins.all(FeatureExtractor.class);
    }

    /**
     * The extractor with this name.
     *
     * @throws IllegalArgumentException naming the known extractors when none has this name
     */
    public static FeatureExtractor find(String name) {
        return Plugins.find(FeatureExtractor.class, name);
    }
}
