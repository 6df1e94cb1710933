package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class VariationalExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new VariationalExperiment());
    }

    @Test
    void everyPriorAndConcentrationIsFittedWithTenComponentsAndTheCountsComeFromTheWeights() {
        var table = Results.table(result, "Variational fits, K = 10");
        assertThat(table.rows()).hasSize(8);
        assertThat(Results.column(table, "weight_concentration_prior_type")).containsOnly("dirichlet_process",
                "dirichlet_distribution");
        Map<String, Object> surviving = (Map<String, Object>) result.numbers().get("surviving");
        Map<String, Object> weights = (Map<String, Object>) result.numbers().get("sorted_weights");
        assertThat(surviving).hasSize(8);
        surviving.forEach((fit, kept) -> {
            double[] w = (double[]) weights.get(fit);
            assertThat(w).hasSize(10);
            assertThat(java.util.Arrays.stream(w).sum()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(kept).as(fit).isEqualTo(SurvivingComponents.count(w, 0.01));
        });
        // A concentration of 100 pseudo-flowers per component against 150 flowers keeps every component.
        assertThat(surviving.get("distribution γ₀=100")).isEqualTo(10);
        assertThat(number(result, "default_dirichlet_process_surviving"))
                .isEqualTo(((Number) surviving.get("process γ₀=0.1")).doubleValue());
    }

    @Test
    void bicIsReadFromTheModelSelectionGridOfOneToTenComponents() {
        var bic = Results.table(result, "EM, full components, by BIC");
        assertThat(Results.column(bic, "n_components")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        List<Object> values = Results.column(bic, "bic");
        int best = (int) number(result, "bic_selected_components");
        double min = values.stream().mapToDouble(v -> (Double) v).min().orElseThrow();
        assertThat((Double) values.get(best - 1)).isEqualTo(min);
    }

    @Test
    void theFindingSaysHowTheDefaultCountsCompareWithBic() {
        int bic = (int) number(result, "bic_selected_components");
        int process = (int) number(result, "default_dirichlet_process_surviving");
        String finding = Results.findingStarting(result, "With scikit-learn's default priors");
        assertThat(finding).contains("keeps " + process + " under the Dirichlet-process prior", "picks " + bic + ".")
                .contains(VariationalExperiment.compared(process, bic));
        assertThat(VariationalExperiment.compared(4, 2)).isEqualTo("more components than");
        assertThat(VariationalExperiment.compared(2, 2)).isEqualTo("as many components as");
        assertThat(VariationalExperiment.compared(1, 2)).isEqualTo("fewer components than");
    }

    @Test
    void barsOfWeightsAndCountsAndEllipsesOfTheKeptComponentsAreDrawn() {
        var counts = Results.chart(result, "Components kept of K = 10");
        assertThat(counts.kind()).isEqualTo(ChartKind.BAR);
        assertThat(counts.series().get(1).y()).containsExactly(number(result, "bic_selected_components"));
        assertThat(Results.chart(result, "Weights after fitting, largest first, dirichlet_process").series()).hasSize(4);
        var ellipses = Results.chart(result, "Variational, process prior, default γ₀");
        assertThat(ellipses.ellipses()).hasSize((int) number(result, "default_dirichlet_process_surviving"));
        assertThat(ellipses.xLabel()).startsWith("principal component 1");
        assertThat(Results.chart(result, "EM, ").ellipses()).hasSize((int) number(result, "bic_selected_components"));
    }

    @Test
    void theSameSeedGivesTheSameResult() throws Exception {
        ExperimentResult again = Results.runDefault(new VariationalExperiment());
        assertThat(again.findings()).isEqualTo(result.findings());
        assertThat(again.tables()).isEqualTo(result.tables());
        assertThat(again.numbers().get("surviving")).isEqualTo(result.numbers().get("surviving"));
    }
}
