package dev.gmm.core;

import dev.gmm.core.spi.Clusterer;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.FittedClusterer;
import dev.gmm.core.spi.Initializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry finds the built-in providers through ServiceLoader, by name. */
class PluginsTest {

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
