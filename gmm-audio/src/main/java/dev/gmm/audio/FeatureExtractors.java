package dev.gmm.audio;

import dev.gmm.audio.spi.FeatureExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link FeatureExtractor} providers by name ("speech27", or a plugin's). */
public final class FeatureExtractors {
    private FeatureExtractors() {
    }

    /** Every extractor on the module path or class path. */
    public static List<FeatureExtractor> all() {
        List<FeatureExtractor> out = new ArrayList<>();
        ServiceLoader.load(FeatureExtractor.class, FeatureExtractors.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * The extractor with this name.
     *
     * @throws IllegalArgumentException naming the known extractors when none has this name
     */
    public static FeatureExtractor find(String name) {
        List<FeatureExtractor> all = all();
        for (FeatureExtractor e : all) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no feature extractor named '" + name + "': choose one of "
                + all.stream().map(FeatureExtractor::name).toList());
    }
}
