package dev.gmm.app.internal;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.metrics.ClusteringMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfusionHeatmapTest {

    @Test
    void clustersAreOrderedByTheirMatchedClassSoMatchesLieOnTheDiagonal() {
        // class 0 went to cluster 2, class 1 to cluster 0, class 2 to cluster 1 (one row of class 2 strays)
        int[] truth = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] clusters = {2, 2, 2, 0, 0, 0, 1, 1, 0};
        Heatmap h = ConfusionHeatmap.of("t", ClusteringMetrics.bestMapAccuracy(truth, clusters), List.of("a", "b", "c"));
        assertThat(h.rowLabels()).containsExactly("a", "b", "c");
        assertThat(h.columnLabels()).containsExactly("cluster 2 → a", "cluster 0 → b", "cluster 1 → c");
        assertThat(h.values()).isDeepEqualTo(new double[][] {{3, 0, 0}, {0, 3, 0}, {0, 1, 2}});
    }
}
