package dev.gmm.audio.internal;

import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.spi.PluginKind;
import java.util.ServiceLoader;

/**
 * Feature extractors as a kind of plugin of the core's registry. The load happens here because
 * only this module may {@code uses} the {@link FeatureExtractor} service.
 */
public final class FeatureExtractorKind implements PluginKind<FeatureExtractor> {
    /** Service-loader constructor. */
    public FeatureExtractorKind() {
    }

    @Override
    public Class<FeatureExtractor> type() {
        return FeatureExtractor.class;
    }

    @Override
    public Iterable<FeatureExtractor> load(ClassLoader loader) {
        return ServiceLoader.load(FeatureExtractor.class, loader);
    }
}
