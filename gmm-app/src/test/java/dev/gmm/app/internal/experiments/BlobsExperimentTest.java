package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BlobsExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new BlobsExperiment());
    }

    @Test
    void gmmAndKMeansScoreAlikeOnBlobsAveragedOverTenSeeds() {
        assertThat(Results.table(result, "Every seed").rows()).hasSize(10);
        assertThat(number(result, "gmm_silhouette_mean")).isCloseTo(number(result, "kmeans_silhouette_mean"),
                within(0.02));
        assertThat(number(result, "gmm_adjusted_rand_mean")).isCloseTo(number(result, "kmeans_adjusted_rand_mean"),
                within(0.05));
        assertThat(Results.findingStarting(result, "The study compared K-Means and GMM")).contains("Reproduced");
    }

    @Test
    void theMeansAreTheMeansOfThePerSeedScores() {
        var seeds = Results.table(result, "Every seed");
        double sum = Results.column(seeds, "kmeans calinski_harabasz").stream()
                .mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertThat(number(result, "kmeans_calinski_harabasz_mean")).isCloseTo(sum / 10, within(1e-9));
    }

    @Test
    void wellSeparatedSeedsAreRecoveredExactlyByBoth() {
        var seeds = Results.table(result, "Every seed");
        // Seed 0 draws three distant centres: both methods find the blobs exactly.
        assertThat(seeds.rows().getFirst()).element(5).isEqualTo(1.0);
        assertThat(seeds.rows().getFirst()).element(6).isEqualTo(1.0);
    }

    @Test
    void theScatterShowsEveryComponentAtOneAndTwoSigma() {
        var chart = Results.chart(result, "GMM clusters");
        assertThat(chart.kind()).isEqualTo(ChartKind.SCATTER);
        assertThat(chart.ellipses()).hasSize(3).allSatisfy(e -> assertThat(e.sigmas()).containsExactly(1, 2));
        assertThat(chart.series().stream().mapToInt(s -> s.x().length).sum()).isEqualTo(300);
    }

    @Test
    void aBadOptionIsRejectedWithItsName() {
        assertThatThrownBy(() -> Results.run(new BlobsExperiment(), null, Map.of("runs", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs");
    }
}
