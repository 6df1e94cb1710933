package dev.gmm.core;

import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.FittedClusterer;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.Initializer;
import dev.gmm.core.spi.NamedProvider;
import dev.gmm.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry finds the built-in providers through ServiceLoader, by name, and other modules' kinds the same way. */
class PluginsTest {

    /** A plugin kind the core does not know, as another module would define one. */
    public interface Greeter extends NamedProvider {
    }

    /** A provider of it with a given name. */
    record NamedGreeter(String name) implements Greeter {
    }

    /** Another provider class, to clash with the first by name. */
    record OtherGreeter(String name) implements Greeter {
    }

    /** The kind, loading whatever {@link #providers} holds (a module's would call ServiceLoader.load). */
    static final class GreeterKind implements PluginKind<Greeter> {
        final List<Greeter> providers = new ArrayList<>(List.of(new NamedGreeter("hello"), new NamedGreeter("ahoy")));

        @Override
        public Class<Greeter> type() {
            return Greeter.class;
        }

        @Override
        public Iterable<Greeter> load(ClassLoader loader) {
            return List.copyOf(providers);
        }
    }

    @Test
    void aKindFromAnotherModuleIsListedCheckedAndLookedUpLikeTheCoresOwn() {
        assertThatThrownBy(() -> Plugins.all(Greeter.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Greeter.class.getName()).hasMessageContaining("dev.gmm.core.spi.PluginKind");
        GreeterKind kind = new GreeterKind();
        Plugins.register(kind);

        assertThat(Plugins.kinds()).startsWith(Plugins.SPIS.toArray(Class[]::new)).contains(Greeter.class);
        assertThat(Plugins.names(Greeter.class)).containsExactly("ahoy", "hello");
        assertThat(Plugins.find(Greeter.class, "hello").name()).isEqualTo("hello");
        assertThatThrownBy(() -> Plugins.find(Greeter.class, "hi"))
                .hasMessage("no greeter named 'hi': choose one of [ahoy, hello]");
        assertThat(Plugins.everything()).containsKey(Greeter.class);
        assertThat(Plugins.everything().get(Greeter.class)).hasSize(2);

        kind.providers.add(new NamedGreeter("Bad Name"));
        Plugins.reload();
        assertThatThrownBy(() -> Plugins.all(Greeter.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid greeter name 'Bad Name'");
        kind.providers.set(2, new OtherGreeter("hello"));
        Plugins.reload();
        assertThatThrownBy(() -> Plugins.all(Greeter.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two greeter providers are named 'hello'");
        kind.providers.removeLast();
        Plugins.reload();
        assertThat(Plugins.names(Greeter.class)).containsExactly("ahoy", "hello");
    }

    @Test
    void theFourCovarianceModelsAndFourInitializersAreRegistered() {
        assertThat(Plugins.names(CovarianceModel.class)).containsExactly("diag", "full", "spherical", "tied");
        assertThat(Plugins.names(Initializer.class)).containsExactly("k-means++", "kmeans", "random", "random_from_data");
        assertThat(Plugins.names(Clusterer.class)).contains("gmm");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Plugins.find(CovarianceModel.class, "ful"))
                .hasMessage("no covariance model named 'ful': choose one of [diag, full, spherical, tied]");
    }

    @Test
    void theMixtureIsAClustererByName() {
        DataMatrix x = Fixtures.csv("iris.csv");
        FittedClusterer fitted = Plugins.find(Clusterer.class, "gmm")
                .fit(x, new Clusterer.Options(3, 0, 5, java.util.Map.of("covariance_type", "full")));
        assertThat(fitted.clusters()).isEqualTo(3);
        assertThat(fitted.labels()).hasSize(150);
        assertThat(EmBehaviourTest.bestMatchedCount(Fixtures.labels("iris.labels.csv"), fitted.labels(), 3)).isEqualTo(145);
    }

    @Test
    void theKernelInUseIsObservable() {
        assertThat(Plugins.kernelName()).isNotBlank();
        // the build runs this suite once per forced kernel: the one asked for must be the one running
        String forced = System.getProperty("gmm.kernel", "auto");
        if (!forced.equals("auto")) {
            assertThat(Plugins.kernelName()).startsWith(forced);
        }
        GaussianMixtureModel m = GaussianMixture.builder().build().fit(Fixtures.csv("mix1d.csv"));
        assertThat(m.report().kernel()).isEqualTo(Plugins.kernelName());
    }
}
