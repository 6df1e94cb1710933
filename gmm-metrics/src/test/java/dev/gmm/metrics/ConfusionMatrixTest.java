package dev.gmm.metrics;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The confusion matrix against counts done by hand. */
class ConfusionMatrixTest {
    // Ten samples of classes 0, 1, 2; clusters 5, 7, 9 (labels need not be 0..K-1). By hand:
    //            cluster 5  cluster 7  cluster 9
    //   class 0      0          3          1
    //   class 1      2          0          0
    //   class 2      0          1          3
    // Best map: 7 → 0, 5 → 1, 9 → 2, matching 3 + 2 + 3 = 8 of 10.
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
    private static final int[] CLUSTERS = {7, 7, 7, 9, 5, 5, 9, 9, 9, 7};

    @Test
    void countsEachClassAgainstEachClusterInLabelOrder() {
        ConfusionMatrix m = ConfusionMatrix.of(TRUTH, CLUSTERS);
        assertThat(m.classes()).containsExactly(0, 1, 2);
        assertThat(m.clusters()).containsExactly(5, 7, 9);
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{0, 3, 1}, {2, 0, 0}, {0, 1, 3}});
        assertThat(m.matchedClass()).containsExactly(1, 0, 2);
        assertThat(m.accuracy()).isEqualTo(0.8);
    }

    @Test
    void matchedOnDiagonalPutsEachClustersCountsUnderItsClass() {
        ConfusionMatrix m = ConfusionMatrix.of(TRUTH, CLUSTERS).matchedOnDiagonal();
        assertThat(m.clusters()).containsExactly(7, 5, 9);
        assertThat(m.matchedClass()).containsExactly(0, 1, 2);
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{3, 0, 1}, {0, 2, 0}, {1, 0, 3}});
    }

    @Test
    void clustersWithoutAClassComeLast() {
        // four clusters for two classes: 0 → class 1 (3 samples), 2 → class 0 (2); clusters 1 and 3 unmatched
        int[] truth = {0, 0, 0, 1, 1, 1, 1};
        int[] clusters = {2, 2, 3, 0, 0, 0, 1};
        ConfusionMatrix m = ConfusionMatrix.of(truth, clusters).matchedOnDiagonal();
        assertThat(m.clusters()).containsExactly(2, 0, 1, 3);
        assertThat(m.matchedClass()).containsExactly(0, 1, -1, -1);
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{2, 0, 0, 1}, {0, 3, 1, 0}});
        assertThat(m.accuracy()).isEqualTo(5 / 7.0);
    }

    @Test
    void theHeatMapNamesRowsByClassAndColumnsByClusterAndItsClass() {
        Heatmap h = ConfusionMatrix.of(TRUTH, CLUSTERS).matchedOnDiagonal()
                .heatmap("t", ConfusionMatrix.names(List.of("setosa", "versicolor")));
        assertThat(h.rowLabels()).containsExactly("setosa", "versicolor", "2");
        assertThat(h.columnLabels()).containsExactly("cluster 7 → setosa", "cluster 5 → versicolor", "cluster 9 → 2");
        assertThat(h.values()).isDeepEqualTo(new double[][] {{3, 0, 1}, {0, 2, 0}, {1, 0, 3}});

        Heatmap own = ConfusionMatrix.of(TRUTH, CLUSTERS).heatmap("t", i -> "class " + i,
                (cluster, matched) -> cluster + "/" + matched);
        assertThat(own.rowLabels()).containsExactly("class 0", "class 1", "class 2");
        assertThat(own.columnLabels()).containsExactly("5/1", "7/0", "9/2");
    }

    @Test
    void itAgreesWithBestMap() {
        BestMap map = ClusteringMetrics.bestMapAccuracy(TRUTH, CLUSTERS);
        ConfusionMatrix m = ConfusionMatrix.of(TRUTH, CLUSTERS);
        assertThat(m.counts()).isDeepEqualTo(map.confusion());
        assertThat(m.matchedClass()).containsExactly(map.clusterToClass());
        assertThat(m.accuracy()).isEqualTo(map.accuracy());
    }
}
