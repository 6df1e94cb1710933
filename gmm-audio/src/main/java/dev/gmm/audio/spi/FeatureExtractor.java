package dev.gmm.audio.spi;

import dev.gmm.audio.AudioSignal;
import dev.gmm.core.spi.NamedProvider;
import java.util.List;

/**
 * Turns one decoded signal into a fixed-length feature vector. Providers are found with
 * {@link java.util.ServiceLoader} (module {@code provides} or META-INF/services) and looked up by
 * name through the core's registry ({@code Plugins.find(FeatureExtractor.class, "speech27")}),
 * which checks their names and lists them in {@code gmm plugins}. Implementations must be
 * thread-safe: folders are featurized in parallel with one shared instance.
 */
public interface FeatureExtractor extends NamedProvider {
    /** Short unique name, e.g. {@code speech27}: lower-case letters, digits, '-', '_', '.' or '+'. */
    @Override
    String name();

    /** Names of the features, in the order {@link #extract} returns them. */
    List<String> featureNames();

    /** Computes the features of {@code signal}; the result has {@code featureNames().size()} values. */
    double[] extract(AudioSignal signal);
}
