package dev.gmm.core.spi;

/**
 * A kind of plugin whose SPI lives outside the core (for example gmm-audio's feature extractors).
 * The core's registry cannot load such providers itself: a module may only call
 * {@link java.util.ServiceLoader#load} for services it {@code uses}, and the core cannot name a type
 * of a module that depends on it. So the module that owns the SPI provides a {@code PluginKind}
 * ({@code provides dev.gmm.core.spi.PluginKind with …} and {@code META-INF/services}), and
 * {@link dev.gmm.core.Plugins} checks, lists and looks up its providers exactly like the core's own.
 *
 * @param <T> the SPI type
 */
public interface PluginKind<T extends NamedProvider> {

    /** The SPI interface, e.g. {@code FeatureExtractor.class}. */
    Class<T> type();

    /**
     * The providers of {@link #type()} visible to {@code loader}: {@code ServiceLoader.load(type(), loader)},
     * called from the module that declares {@code uses} for the type.
     */
    Iterable<T> load(ClassLoader loader);
}
