package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.FittedClusterer;
import dev.gmm.testsupport.OutlierBlobs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansClustererTest {

    @Test
    void kmeansIsFoundByNameAndRecoversTheBlobs() {
        OutlierBlobs blobs = OutlierBlobs.generate(300, 0.0, 3);
        FittedClusterer fitted = Plugins.find(Clusterer.class, "kmeans")
                .fit(DataMatrix.of(blobs.points()), new Clusterer.Options(3, 42, 5, Map.of()));

        assertThat(OutlierBlobs.adjustedRand(fitted.labels(), blobs.blob())).isGreaterThanOrEqualTo(0.95);
        assertThat(fitted.predict(DataMatrix.of(blobs.points()))).containsExactly(fitted.labels());
        assertThat(fitted.centers()).hasDimensions(3, 2);
    }

    @Test
    void theSameSeedGivesTheSameClustering() {
        OutlierBlobs blobs = OutlierBlobs.generate(300, 0.2, 4);
        var options = new Clusterer.Options(3, 9, 3, Map.of());
        FittedClusterer first = new KMeansClusterer().fit(DataMatrix.of(blobs.points()), options);
        FittedClusterer second = new KMeansClusterer().fit(DataMatrix.of(blobs.points()), options);

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
        OutlierBlobs blobs = OutlierBlobs.generate(300, 0.0, 3);
        FittedClusterer fitted = new KMeansClusterer().fit(DataMatrix.of(blobs.points()), new Clusterer.Options(3, 1));
        assertThatThrownBy(() -> fitted.predict(DataMatrix.of(new double[][]{{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 columns");
    }
}
