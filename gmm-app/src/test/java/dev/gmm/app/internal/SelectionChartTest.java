package dev.gmm.app.internal;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.metrics.ModelSelection;
import dev.gmm.metrics.ModelSelection.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionChartTest {
    private static Candidate fit(int k, String type, String init, double bic, double aic) {
        return new Candidate(k, type, init, 1e-6, 1, bic, aic, 0, true, bic);
    }

    @Test
    void drawsTheBestValuePerComponentsAndCovarianceTypeAndLabelsTheOverallBest() {
        ModelSelection.Result result = new ModelSelection.Result("bic", List.of(
                fit(2, "full", "kmeans", 90, 80), fit(2, "full", "random", 95, 70), fit(1, "full", "kmeans", 120, 110),
                fit(1, "diag", "kmeans", 130, 125), fit(2, "diag", "kmeans", 100, 95)), null);
        Chart bic = SelectionChart.of(result, "bic");
        assertThat(bic.series()).extracting(Series::name).containsExactly("full", "diag");
        Series full = bic.series().get(0);
        assertThat(full.x()).containsExactly(1, 2);
        assertThat(full.y()).containsExactly(120, 90);
        assertThat(full.labels()).containsExactly("", "best");
        assertThat(bic.series().get(1).labels()).containsOnly("");

        Chart aic = SelectionChart.of(result, "aic");
        assertThat(aic.series().get(0).y()).containsExactly(110, 70);
        assertThatThrownBy(() -> SelectionChart.of(result, "silhouette")).isInstanceOf(IllegalArgumentException.class);
    }
}
