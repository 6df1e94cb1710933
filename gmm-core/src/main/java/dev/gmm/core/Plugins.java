package dev.gmm.core;

import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.spi.AnomalyDetector;
import dev.gmm.core.spi.ClusterMetric;
import dev.gmm.core.spi.Clusterer;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.DatasetProvider;
import dev.gmm.core.spi.Experiment;
import dev.gmm.core.spi.Initializer;
import dev.gmm.core.spi.NamedProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The registry: finds every provider of every SPI through {@link ServiceLoader} (module path and
 * class path alike) and looks them up by name. A lookup that fails lists the names that exist.
 *
 * <p>Providers are discovered once per SPI and cached; the registry is thread-safe.
 */
public final class Plugins {
    /** Every SPI the registry knows, in the order {@code gmm plugins} lists them. */
    public static final List<Class<? extends NamedProvider>> SPIS = List.of(CovarianceModel.class,
            Initializer.class, Clusterer.class, AnomalyDetector.class, ClusterMetric.class, DatasetProvider.class,
            Experiment.class);

    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9_.+-]*");
    private static final Map<Class<?>, List<? extends NamedProvider>> CACHE = new ConcurrentHashMap<>();

    private Plugins() {
    }

    /** Every provider of an SPI, sorted by name. */
    @SuppressWarnings("unchecked")
    public static <T extends NamedProvider> List<T> all(Class<T> spi) {
        return (List<T>) CACHE.computeIfAbsent(spi, type -> discover(spi));
    }

    /**
     * The provider of an SPI with the given name.
     *
     * @throws IllegalArgumentException naming the known providers when there is none by that name
     */
    public static <T extends NamedProvider> T find(Class<T> spi, String name) {
        for (T p : all(spi)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no " + kindName(spi) + " named '" + name + "': choose one of "
                + names(spi));
    }

    /** The names of an SPI's providers. */
    public static List<String> names(Class<? extends NamedProvider> spi) {
        return all(spi).stream().map(NamedProvider::name).toList();
    }

    public static CovarianceModel covarianceModel(String name) {
        return find(CovarianceModel.class, name);
    }

    public static Initializer initializer(String name) {
        return find(Initializer.class, name);
    }

    /** Every provider of every SPI, by SPI. */
    public static Map<Class<? extends NamedProvider>, List<? extends NamedProvider>> everything() {
        Map<Class<? extends NamedProvider>, List<? extends NamedProvider>> out = new LinkedHashMap<>();
        for (Class<? extends NamedProvider> spi : SPIS) {
            out.put(spi, all(spi));
        }
        return out;
    }

    /** The EM kernel this JVM uses ("simd-…" or "scalar"). */
    public static String kernelName() {
        return Kernels.active().name();
    }

    /** Forgets discovered providers (after the module path or class path changed). */
    public static void reload() {
        CACHE.clear();
    }

    /** "covariance model" from CovarianceModel, for messages. */
    public static String kindName(Class<?> spi) {
        return spi.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static <T extends NamedProvider> List<T> discover(Class<T> spi) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T provider : ServiceLoader.load(spi, Plugins.class.getClassLoader())) {
            add(spi, byName, provider);
        }
        // Plugins on the class path of a context loader other than ours (e.g. an application server).
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Plugins.class.getClassLoader()) {
            for (T provider : ServiceLoader.load(spi, context)) {
                add(spi, byName, provider);
            }
        }
        List<T> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(NamedProvider::name));
        return List.copyOf(list);
    }

    private static <T extends NamedProvider> void add(Class<T> spi, Map<String, T> byName, T provider) {
        String name = provider.name();
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalStateException(provider.getClass().getName() + " has an invalid " + kindName(spi)
                    + " name '" + name + "': use lower-case letters, digits, '-', '_', '.' or '+'");
        }
        T existing = byName.get(name);
        if (existing != null && existing.getClass() != provider.getClass()) {
            throw new IllegalStateException("two " + kindName(spi) + " providers are named '" + name + "': "
                    + existing.getClass().getName() + " and " + provider.getClass().getName()
                    + "; remove one from the module path or class path");
        }
        byName.putIfAbsent(name, provider);
    }
}
