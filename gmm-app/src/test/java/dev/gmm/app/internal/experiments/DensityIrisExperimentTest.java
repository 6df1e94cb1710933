package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DensityIrisExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new DensityIrisExperiment());
    }

    @Test
    void threeComponentsPutAtLeast145FlowersInTheirSpeciesClusterForTenSeeds() {
        assertThat(number(result, "matched")).isGreaterThanOrEqualTo(145);
        assertThat((List<?>) result.numbers().get("matched_per_seed")).hasSize(10)
                .allSatisfy(m -> assertThat(((Number) m).longValue()).isGreaterThanOrEqualTo(145));
        assertThat(Results.findingStarting(result, "The study put 145")).contains("Reproduced");
    }

    @Test
    void theConfusionMatrixCountsEveryFlower() {
        var confusion = Results.heatmap(result, "Species against clusters");
        assertThat(confusion.rowLabels()).containsExactly("setosa", "versicolor", "virginica");
        double total = Arrays.stream(confusion.values()).flatMapToDouble(Arrays::stream).sum();
        assertThat(total).isEqualTo(150);
    }

    @Test
    void theCorrelationMatrixIsIrisFamiliarOne() {
        double[][] r = Results.heatmap(result, "Correlation").values();
        assertThat(r).hasDimensions(4, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(r[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 4; j++) {
                assertThat(r[i][j]).isEqualTo(r[j][i]);
            }
        }
        // Published Pearson correlations of Fisher's Iris.
        assertThat(r[2][3]).isCloseTo(0.9629, within(1e-4));
        assertThat(r[0][1]).isCloseTo(-0.1176, within(1e-4));
    }

    @Test
    void eightComponentsFitCloserButBicPrefersThree() {
        assertThat(number(result, "mean_log_likelihood_8")).isGreaterThan(number(result, "mean_log_likelihood_3"));
        assertThat(number(result, "bic_3")).isLessThan(number(result, "bic_8"));
        assertThat(Results.chart(result, "8 components").ellipses()).hasSize(8);
    }
}
