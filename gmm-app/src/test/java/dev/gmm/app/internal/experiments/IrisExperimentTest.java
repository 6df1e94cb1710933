package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The study's Iris check as an experiment: 3 full components, 10 starts, 145 of 150 flowers matched. */
class IrisExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new IrisExperiment());
    }

    @Test
    void itReproducesTheStudys145Of150() {
        assertThat(number(result, "matched")).isEqualTo(145);
        assertThat(number(result, "study_matched")).isEqualTo(145);
        assertThat(number(result, "best_map_accuracy")).isEqualTo(145 / 150.0);
        assertThat(number(result, "n_samples")).isEqualTo(150);
        assertThat(number(result, "n_components")).isEqualTo(3);
        assertThat(Results.findingStarting(result, "145 of 150 flowers")).contains("reproduced");
    }

    @Test
    void theConfusionHasTheSpeciesOnRowsAndTheMatchedClustersOnTheDiagonal() {
        var confusion = Results.heatmap(result, "Species (rows) by cluster (columns)");
        assertThat(confusion.rowLabels()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(confusion.columnLabels()).allSatisfy(c -> assertThat(c).matches("cluster [0-2] → \\w+"));
        double diagonal = 0;
        for (int i = 0; i < 3; i++) {
            diagonal += confusion.values()[i][i];
        }
        assertThat(diagonal).isEqualTo(145);
        assertThat(Arrays.stream(confusion.values()).flatMapToDouble(Arrays::stream).sum()).isEqualTo(150);
    }

    @Test
    void itDrawsThePetalsTheLowerBoundAndTheComponents() {
        assertThat(result.charts()).extracting(ExperimentResult.Chart::title).containsExactly(
                "Iris petals by species, with the fitted components", "EM lower bound per iteration (best start)");
        assertThat(result.tables()).extracting(ExperimentResult.Table::title).containsExactly("Fitted components");
    }

    @Test
    void itTakesNoOptionsAndSaysSo() {
        assertThatThrownBy(() -> Results.run(new IrisExperiment(), null, Map.of("n-init", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("experiment 'iris' has no option 'n-init'; it takes no options");
    }
}
