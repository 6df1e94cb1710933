package dev.gmm.metrics;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every scalar metric is a ClusterMetric found by its sklearn name and agrees with the fixture. */
class MetricProvidersTest {

    private static final List<String> NAMES = List.of("silhouette_score", "calinski_harabasz_score",
            "davies_bouldin_score", "adjusted_rand_score", "normalized_mutual_info_score", "adjusted_mutual_info_score",
            "homogeneity_score", "completeness_score", "v_measure_score", "fowlkes_mallows_score", "best_map_accuracy",
            "roc_auc_score", "average_precision_score");

    private static Map<String, ClusterMetric> loaded() {
        // Through the core's registry: the core module is the one that `uses` the SPI.
        return Plugins.all(ClusterMetric.class).stream().collect(Collectors.toMap(ClusterMetric::name, m -> m));
    }

    @Test
    void every_metric_is_a_provider_under_its_sklearn_name() {
        assertThat(loaded().keySet()).containsAll(NAMES);
        for (String name : NAMES) {
            assertThat(Plugins.find(ClusterMetric.class, name).name()).isEqualTo(name);
        }
        assertThat(loaded().get("davies_bouldin_score").higherIsBetter()).isFalse();
        assertThat(loaded().get("silhouette_score").higherIsBetter()).isTrue();
    }

    @Test
    void providers_compute_the_fixture_values_on_the_inputs_they_apply_to() {
        Map<String, Object> c = Fixture.cases().get(1); // blobs300_anomalies: every metric applies
        MetricInput input = new MetricInput(Fixture.x(c), Fixture.ints(c, "labels_pred"), Fixture.ints(c, "labels_true"),
                Fixture.doubles(c.get("anomaly_scores")), Fixture.ints(c, "anomaly_truth"));
        Map<String, String> fixtureKey = Map.ofEntries(Map.entry("silhouette_score", "silhouette_euclidean"),
                Map.entry("calinski_harabasz_score", "calinski_harabasz"), Map.entry("davies_bouldin_score", "davies_bouldin"),
                Map.entry("adjusted_rand_score", "adjusted_rand"), Map.entry("normalized_mutual_info_score", "normalized_mutual_info"),
                Map.entry("adjusted_mutual_info_score", "adjusted_mutual_info"), Map.entry("homogeneity_score", "homogeneity"),
                Map.entry("completeness_score", "completeness"), Map.entry("v_measure_score", "v_measure"),
                Map.entry("fowlkes_mallows_score", "fowlkes_mallows"), Map.entry("best_map_accuracy", "best_map_accuracy"),
                Map.entry("roc_auc_score", "roc_auc"), Map.entry("average_precision_score", "average_precision"));
        Map<String, ClusterMetric> metrics = loaded();
        for (String name : NAMES) {
            ClusterMetric m = metrics.get(name);
            assertThat(m.appliesTo(input)).as(name).isTrue();
            double expected = Fixture.number(c, fixtureKey.get(name));
            assertThat(m.compute(input)).as(name).isCloseTo(expected, within(1e-7 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void a_metric_whose_input_is_missing_does_not_apply_and_says_what_it_needs() {
        ClusterMetric auc = loaded().get("roc_auc_score");
        MetricInput clusteringOnly = MetricInput.clustering(null, new int[] {0, 1}, new int[] {0, 1});
        assertThat(auc.appliesTo(clusteringOnly)).isFalse();
        assertThatThrownBy(() -> auc.compute(clusteringOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roc_auc_score needs anomaly scores");
        assertThat(loaded().get("silhouette_score").appliesTo(clusteringOnly)).isFalse();
        assertThat(loaded().get("adjusted_rand_score").appliesTo(clusteringOnly)).isTrue();
    }
}
