package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.Clusterer;
import dev.gmm.core.spi.FittedClusterer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansClustererTest {

    @Test
    void kmeansIsFoundByNameAndRecoversTheBlobs() {
        Blobs blobs = Blobs.generate(300, 0.0, 3);
        FittedClusterer fitted = Plugins.find(Clusterer.class, "kmeans")
                .fit(blobs.data(), new Clusterer.Options(3, 42, 5, Map.of()));

        assertThat(Blobs.adjustedRand(fitted.labels(), blobs.blob())).isGreaterThanOrEqualTo(0.95);
        assertThat(fitted.predict(blobs.data())).containsExactly(fitted.labels());
        assertThat(fitted.centers()).hasDimensions(3, 2);
    }

    @Test
    void theSameSeedGivesTheSameClustering() {
        Blobs blobs = Blobs.generate(300, 0.2, 4);
        var options = new Clusterer.Options(3, 9, 3, Map.of());
        FittedClusterer first = new KMeansClusterer().fit(blobs.data(), options);
        FittedClusterer second = new KMeansClusterer().fit(blobs.data(), options);

        assertThat(second.labels()).containsExactly(first.labels());
    }

    @Test
    void moreClustersThanPointsIsRejected() {
        DataMatrix three = DataMatrix.of(new double[][]{{0, 0}, {1, 1}, {2, 2}});
        assertThatThrownBy(() -> new KMeansClusterer().fit(three, new Clusterer.Options(4, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusters = 4").hasMessageContaining("only 3 rows");
    }

    @Test
    void dataWithNanIsRejected() {
        DataMatrix data = DataMatrix.of(new double[][]{{0, 0}, {Double.NaN, 1}, {2, 2}});
        assertThatThrownBy(() -> new KMeansClusterer().fit(data, new Clusterer.Options(2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void predictingDataOfAnotherWidthIsRejected() {
        Blobs blobs = Blobs.generate(300, 0.0, 3);
        FittedClusterer fitted = new KMeansClusterer().fit(blobs.data(), new Clusterer.Options(3, 1));
        assertThatThrownBy(() -> fitted.predict(DataMatrix.of(new double[][]{{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 columns");
    }
}
