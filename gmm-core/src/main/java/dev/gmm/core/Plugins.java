package dev.gmm.core;

import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.DatasetProvider;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.internal.kernel.Kernels;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.Initializer;
import dev.gmm.core.spi.NamedProvider;
import dev.gmm.core.spi.PluginKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The registry: finds every provider of every SPI through {@link ServiceLoader} (module path and
 * class path alike) and looks them up by name. A lookup that fails lists the names that exist.
 *
 * <p>The core's own SPIs are {@link #SPIS}; other modules add kinds of their own through a
 * {@link PluginKind} provider (or {@link #register}), whose providers get the same name checks,
 * lookup and listing. Providers are discovered once per SPI and cached; the registry is thread-safe.
 */
public final class Plugins {
    /** The core's own SPIs, in the order {@code gmm plugins} lists them (before the kinds of other modules). */
    public static final List<Class<? extends NamedProvider>> SPIS = List.of(CovarianceModel.class,
            Initializer.class, Clusterer.class, AnomalyDetector.class, ClusterMetric.class, DatasetProvider.class,
            Experiment.class);

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Map<Class<?>, List<? extends NamedProvider>> CACHE = new ConcurrentHashMap<>();
    private static final List<PluginKind<?>> REGISTERED = new CopyOnWriteArrayList<>();
    private static volatile List<PluginKind<?>> discoveredKinds;

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
            if (p.name().equalsIgnoreCase(name)) {
                return p; // names are unique regardless of case (see add), so "EVE" and "eve" are one model
            }
        }
        throw new IllegalArgumentException("no " + kindName(spi) + " named '" + name + "': choose one of "
                + names(spi));
    }

    /** The names of an SPI's providers. */
    public static List<String> names(Class<? extends NamedProvider> spi) {
        return all(spi).stream().map(NamedProvider::name).toList();
    }

    /** The covariance model registered under {@code name} (case-insensitive); an error lists the names there are. */
    public static CovarianceModel covarianceModel(String name) {
        return find(CovarianceModel.class, name);
    }

    /** The initializer registered under {@code name} (case-insensitive); an error lists the names there are. */
    public static Initializer initializer(String name) {
        return find(Initializer.class, name);
    }

    /** Every provider of every SPI, by SPI: the core's first, then the other modules' kinds by name. */
    public static Map<Class<? extends NamedProvider>, List<? extends NamedProvider>> everything() {
        Map<Class<? extends NamedProvider>, List<? extends NamedProvider>> out = new LinkedHashMap<>();
        for (Class<? extends NamedProvider> spi : kinds()) {
            out.put(spi, all(spi));
        }
        return out;
    }

    /** Every SPI the registry knows: {@link #SPIS}, then the types of the {@link PluginKind}s found or registered. */
    public static List<Class<? extends NamedProvider>> kinds() {
        List<Class<? extends NamedProvider>> out = new ArrayList<>(SPIS);
        extensionKinds().stream().<Class<? extends NamedProvider>>map(PluginKind::type)
                .sorted(Comparator.comparing(Plugins::kindName)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Adds a kind of plugin without a {@link PluginKind} provider on the path (code that assembles its
     * own module layer, tests). A kind already known for the same type is kept.
     */
    public static void register(PluginKind<?> kind) {
        synchronized (REGISTERED) {
            if (extensionKinds().stream().noneMatch(k -> k.type() == kind.type())) {
                REGISTERED.add(kind);
                CACHE.remove(kind.type());
            }
        }
    }

    /** The EM kernel this JVM uses ("simd-…" or "scalar"). */
    public static String kernelName() {
        return Kernels.active().name();
    }

    /** Forgets discovered providers and kinds (after the module path or class path changed). */
    public static void reload() {
        CACHE.clear();
        discoveredKinds = null;
    }

    /** "covariance model" from CovarianceModel, for messages. */
    public static String kindName(Class<?> spi) {
        return spi.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<PluginKind<?>> extensionKinds() {
        List<PluginKind<?>> found = discoveredKinds;
        if (found == null) {
            Map<Class<?>, PluginKind<?>> byType = new LinkedHashMap<>();
            for (Iterable<PluginKind<?>> providers : loadEverywhere(Plugins::loadKinds)) {
                providers.forEach(k -> byType.putIfAbsent(k.type(), k));
            }
            found = List.copyOf(byType.values());
            discoveredKinds = found;
        }
        List<PluginKind<?>> all = new ArrayList<>(found);
        REGISTERED.stream().filter(r -> all.stream().noneMatch(k -> k.type() == r.type())).forEach(all::add);
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Iterable<PluginKind<?>> loadKinds(ClassLoader loader) {
        return (Iterable) ServiceLoader.load(PluginKind.class, loader);
    }

    /** How to load an SPI's providers: the core's ServiceLoader for its own SPIs, the owning module's for the others. */
    @SuppressWarnings("unchecked")
    private static <T extends NamedProvider> Function<ClassLoader, Iterable<T>> loaderOf(Class<T> spi) {
        if (SPIS.contains(spi)) {
            return loader -> ServiceLoader.load(spi, loader);
        }
        for (PluginKind<?> kind : extensionKinds()) {
            if (kind.type() == spi) {
                return ((PluginKind<T>) kind)::load;
            }
        }
        throw new IllegalArgumentException("no plugin kind " + spi.getName() + " is known: the module that defines it must "
                + "provide dev.gmm.core.spi.PluginKind for it (or call Plugins.register)");
    }

    /** Our class loader, then a different context loader's (plugins of an application server, for example). */
    private static <R> List<R> loadEverywhere(Function<ClassLoader, R> load) {
        List<R> out = new ArrayList<>();
        out.add(load.apply(Plugins.class.getClassLoader()));
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Plugins.class.getClassLoader()) {
            out.add(load.apply(context));
        }
        return out;
    }

    private static <T extends NamedProvider> List<T> discover(Class<T> spi) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (Iterable<T> providers : loadEverywhere(loaderOf(spi))) {
            for (T provider : providers) {
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
                    + " name '" + name + "': use letters, digits, '-', '_', '.' or '+'");
        }
        String key = name.toLowerCase(java.util.Locale.ROOT);
        T existing = byName.get(key);
        if (existing != null && existing.getClass() != provider.getClass()) {
            throw new IllegalStateException("two " + kindName(spi) + " providers are named '" + name + "': "
                    + existing.getClass().getName() + " and " + provider.getClass().getName()
                    + "; remove one from the module path or class path");
        }
        byName.putIfAbsent(key, provider);
    }
}
