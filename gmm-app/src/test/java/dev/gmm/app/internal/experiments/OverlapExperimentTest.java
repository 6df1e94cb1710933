package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;

class OverlapExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new OverlapExperiment());
    }

    @Test
    void gmmRecoversOverlappingElongatedClustersBetterThanKMeans() {
        assertThat(number(result, "gmm_adjusted_rand_mean"))
                .isGreaterThan(number(result, "kmeans_adjusted_rand_mean") + 0.05);
        assertThat(number(result, "gmm_better_adjusted_rand_runs")).isGreaterThanOrEqualTo(8);
        assertThat(Results.findingStarting(result, "The study found that where clusters overlap"))
                .contains("Reproduced");
    }

    @Test
    void theInternalScoresStillFavourKMeans() {
        assertThat(number(result, "kmeans_silhouette_mean")).isGreaterThan(number(result, "gmm_silhouette_mean"));
        assertThat(number(result, "kmeans_calinski_harabasz_mean"))
                .isGreaterThan(number(result, "gmm_calinski_harabasz_mean"));
    }

    @Test
    void theTrueAndFittedComponentsAreDrawn() {
        assertThat(Results.chart(result, "True components").ellipses()).hasSize(3);
        var fitted = Results.chart(result, "GMM clusters").ellipses();
        assertThat(fitted).hasSize(3);
        // Each generating mean has a fitted component within half a unit.
        for (double[] mean : OverlappingClusters.MEANS) {
            assertThat(fitted).anySatisfy(e -> assertThat(Math.hypot(e.centerX() - mean[0], e.centerY() - mean[1]))
                    .isLessThan(0.5));
        }
    }
}
