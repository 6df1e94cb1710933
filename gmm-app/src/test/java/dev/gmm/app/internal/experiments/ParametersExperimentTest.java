package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;

class ParametersExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new ParametersExperiment());
    }

    @Test
    void everyComponentCountAndCovarianceTypeIsFitted() {
        var table = Results.table(result, "Every fit");
        assertThat(table.rows()).hasSize(32);
        assertThat(Results.column(table, "covariance_type")).containsOnly("full", "tied", "diag", "spherical");
    }

    @Test
    void bicFindsTheThreeBlobs() {
        assertThat(number(result, "best_by_bic_n_components")).isEqualTo(3);
        assertThat(number(result, "best_by_silhouette_n_components")).isEqualTo(3);
        assertThat(Results.findingStarting(result, "The study varied")).contains("Reproduced");
    }

    @Test
    void theSweepsAreLineChartsWithOneSeriesPerCovarianceType() {
        var bic = Results.chart(result, "BIC against");
        assertThat(bic.kind()).isEqualTo(ChartKind.LINE);
        assertThat(bic.series()).hasSize(4).allSatisfy(s -> assertThat(s.x()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8));
        // Silhouette is undefined for one cluster: the sweep starts at 2.
        assertThat(Results.chart(result, "Silhouette").series().getFirst().x()[0]).isEqualTo(2.0);
    }
}
