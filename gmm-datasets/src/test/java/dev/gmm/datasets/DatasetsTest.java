package dev.gmm.datasets;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled Iris data set (copied from the sklearn-em fixtures, scikit-learn 1.2.1 load_iris). */
class DatasetsTest {
    @Test
    void irisHas150FlowersOf3SpeciesIn4Measurements() throws Exception {
        Dataset iris = Datasets.iris();
        assertThat(iris.data().rows()).isEqualTo(150);
        assertThat(iris.data().cols()).isEqualTo(4);
        assertThat(iris.featureNames()).first().isEqualTo("sepal length (cm)");
        assertThat(iris.labelNames()).containsExactly("setosa", "versicolor", "virginica");
        int[] counts = new int[3];
        for (int l : iris.labels()) {
            counts[l]++;
        }
        assertThat(counts).containsExactly(50, 50, 50);
        assertThat(iris.data().get(0, 0)).isEqualTo(5.1);
        DatasetProvider p = Plugins.find(DatasetProvider.class, "iris");
        assertThat(p.requiresPath()).isFalse();
        assertThat(p.load(null).data().toArray()).isDeepEqualTo(iris.data().toArray());
    }
}
