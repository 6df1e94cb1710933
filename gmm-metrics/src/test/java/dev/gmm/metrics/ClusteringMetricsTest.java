package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Behaviour beyond the sklearn fixture: brute-force agreement, relabelling invariance, best map. */
class ClusteringMetricsTest {

    /** Silhouette by the textbook definition, one pair at a time. */
    private static double[] bruteForceSilhouette(double[][] x, int[] labels, int k) {
        int n = x.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int c = 0; c < x[i].length; c++) {
                    d += (x[i][c] - x[j][c]) * (x[i][c] - x[j][c]);
                }
                sum[labels[j]] += Math.sqrt(d);
                count[labels[j]]++;
            }
            if (count[labels[i]] == 1) {
                continue;
            }
            double a = sum[labels[i]] / (count[labels[i]] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != labels[i]) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            s[i] = (b - a) / Math.max(a, b);
        }
        return s;
    }

    @Test
    void blocked_parallel_silhouette_equals_brute_force_across_block_edges() {
        Random r = new Random(3);
        int n = 1037; // not a multiple of the block size
        int k = 5;
        double[][] x = new double[n][7];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i == 0 ? 4 : r.nextInt(k - 1); // cluster 4 is a singleton: its silhouette is 0
            for (int c = 0; c < 7; c++) {
                x[i][c] = r.nextGaussian() + 3 * labels[i];
            }
        }
        double[] expected = bruteForceSilhouette(x, labels, k);
        double[] actual = ClusteringMetrics.silhouetteSamples(DataMatrix.of(x), labels);
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-10));
        }
        assertThat(actual[0]).isZero();
    }

    @Test
    void sampled_silhouette_is_reproducible_and_close_to_the_exact_value() {
        Random r = new Random(5);
        int n = 3000;
        double[][] x = new double[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int c = 0; c < 3; c++) {
                x[i][c] = r.nextGaussian() + 2.0 * labels[i];
            }
        }
        DataMatrix data = DataMatrix.of(x);
        double exact = ClusteringMetrics.silhouetteScore(data, labels);
        double sampled = ClusteringMetrics.silhouetteScoreSampled(data, labels, 800, 42);
        assertThat(ClusteringMetrics.silhouetteScoreSampled(data, labels, 800, 42)).isEqualTo(sampled);
        assertThat(sampled).isNotEqualTo(exact).isCloseTo(exact, within(0.05));
        assertThat(ClusteringMetrics.silhouetteScoreSampled(data, labels, n, 1)).isEqualTo(exact);
    }

    @Test
    void external_scores_ignore_label_names() {
        int[] truth = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2};
        int[] pred = {1, 1, 0, 0, 2, 2, 2, 2, 0, 1};
        int[] renamed = new int[pred.length];
        for (int i = 0; i < pred.length; i++) {
            renamed[i] = new int[] {40, -3, 9}[pred[i]];
        }
        assertThat(ClusteringMetrics.adjustedRandScore(truth, renamed)).isEqualTo(ClusteringMetrics.adjustedRandScore(truth, pred));
        assertThat(ClusteringMetrics.adjustedMutualInfoScore(truth, renamed))
                .isEqualTo(ClusteringMetrics.adjustedMutualInfoScore(truth, pred));
        assertThat(ClusteringMetrics.vMeasureScore(truth, renamed)).isEqualTo(ClusteringMetrics.vMeasureScore(truth, pred));
    }

    @Test
    void best_map_finds_the_optimal_assignment_not_the_greedy_one() {
        // Greedy (largest cell first) maps cluster 0 -> class 0 (4) then cluster 1 -> class 1 (0): 4 matches.
        // The optimum maps cluster 0 -> class 1 (3) and cluster 1 -> class 0 (3): 6 matches.
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        int[] pred = {0, 0, 0, 0, 1, 1, 1, 0, 0, 0};
        BestMap map = ClusteringMetrics.bestMapAccuracy(truth, pred);
        assertThat(map.accuracy()).isEqualTo(0.6);
        assertThat(map.clusterToClass()).containsExactly(1, 0);
        assertThat(map.confusion()).isDeepEqualTo(new long[][] {{4, 3}, {3, 0}});
    }

    @Test
    void best_map_handles_more_clusters_than_classes_and_the_reverse() {
        int[] truth = {5, 5, 5, 7, 7, 7};
        int[] pred = {0, 0, 1, 2, 2, 2};
        BestMap more = ClusteringMetrics.bestMapAccuracy(truth, pred);
        assertThat(more.accuracy()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(more.clusterToClass()).containsExactly(5, -1, 7);
        BestMap fewer = ClusteringMetrics.bestMapAccuracy(pred, truth);
        assertThat(fewer.accuracy()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(fewer.clusterToClass()).containsExactly(0, 2);
    }

    @Test
    void single_cluster_limits_follow_sklearn() {
        int[] same = {3, 3, 3, 3};
        int[] split = {0, 0, 1, 1};
        assertThat(ClusteringMetrics.normalizedMutualInfoScore(same, same)).isEqualTo(1.0);
        assertThat(ClusteringMetrics.adjustedMutualInfoScore(same, same)).isEqualTo(1.0);
        assertThat(ClusteringMetrics.adjustedRandScore(same, same)).isEqualTo(1.0);
        assertThat(ClusteringMetrics.normalizedMutualInfoScore(same, split)).isEqualTo(0.0);
        assertThat(ClusteringMetrics.homogeneityScore(same, split)).isEqualTo(1.0);
        assertThat(ClusteringMetrics.completenessScore(same, split)).isEqualTo(0.0);
        assertThat(ClusteringMetrics.fowlkesMallowsScore(new int[] {0, 1, 2}, new int[] {0, 1, 2})).isEqualTo(0.0);
    }

    @Test
    void float32_data_gives_the_float64_result_of_the_same_values() {
        Map<String, Object> c = Fixture.cases().get(2); // iris
        DataMatrix x = Fixture.x(c);
        int[] labels = Fixture.ints(c, "labels_pred");
        float[] f = new float[x.rows() * x.cols()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) x.values()[i];
        }
        DataMatrix asFloat = DataMatrix.wrapFloat(f, x.rows(), x.cols());
        assertThat(ClusteringMetrics.silhouetteScore(asFloat, labels))
                .isEqualTo(ClusteringMetrics.silhouetteScore(asFloat.toFloat64(), labels))
                .isCloseTo(ClusteringMetrics.silhouetteScore(x, labels), within(1e-6));
        assertThat(ClusteringMetrics.calinskiHarabaszScore(asFloat, labels))
                .isEqualTo(ClusteringMetrics.calinskiHarabaszScore(asFloat.toFloat64(), labels));
    }
}
