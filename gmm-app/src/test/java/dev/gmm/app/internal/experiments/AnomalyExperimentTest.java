package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class AnomalyExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new AnomalyExperiment());
    }

    @Test
    void bothDetectorsFlagExactlyTheContaminationShareOnEveryDataSet() {
        assertThat(number(result, "low_expected_flagged")).isEqualTo(15);
        assertThat(number(result, "high_expected_flagged")).isEqualTo(60);
        assertThat((List<Object>) result.numbers().get("low_gmm_flagged")).hasSize(10).containsOnly(15);
        assertThat((List<Object>) result.numbers().get("high_gmm_flagged")).hasSize(10).containsOnly(60);
        assertThat((List<Object>) result.numbers().get("low_if_flagged")).containsExactly(15);
        assertThat((List<Object>) result.numbers().get("high_if_flagged")).containsExactly(60);
    }

    @Test
    void theGmmDetectorSeparatesTheInjectedOutliers() {
        assertThat(number(result, "high_gmm_roc_auc_mean")).isGreaterThanOrEqualTo(0.95);
        // At 5 % a few uniform outliers land inside a blob and cannot be told apart: the mean stays near 0.95.
        assertThat(number(result, "low_gmm_roc_auc_mean")).isGreaterThanOrEqualTo(0.93);
        assertThat(number(result, "low_if_roc_auc_mean")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theVerdictFollowsThePairedDifferences() {
        String verdict = Results.findingStarting(result, "The study found Isolation Forest better");
        String low = (String) result.numbers().get("low_better");
        String high = (String) result.numbers().get("high_better");
        boolean reproduced = low.equals("isolation-forest") && high.equals("gmm");
        assertThat(verdict).contains(reproduced ? "Reproduced" : "reproduced");
        double lowDifference = number(result, "low_gmm_minus_if_roc_auc_mean");
        assertThat(lowDifference).isCloseTo(number(result, "low_gmm_roc_auc_mean") - number(result, "low_if_roc_auc_mean"),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theVariationalRedoFlagsTheSameShareAndSaysWhetherItChangesTheVerdict() {
        assertThat((List<Object>) result.numbers().get("low_variational_flagged")).containsExactly(15);
        assertThat((List<Object>) result.numbers().get("high_variational_flagged")).containsExactly(60);
        assertThat((List<Object>) result.numbers().get("high_variational_components_kept")).hasSize(10)
                .allSatisfy(k -> assertThat((Integer) k).isBetween(1, 10));
        String low = (String) result.numbers().get("low_better_variational");
        String high = (String) result.numbers().get("high_better_variational");
        boolean changes = !low.equals(result.numbers().get("low_better")) || !high.equals(result.numbers().get("high_better"));
        assertThat(result.numbers().get("variational_changes_the_answer")).isEqualTo(changes);
        assertThat(Results.findingStarting(result, "Redone with a variational mixture"))
                .contains(changes ? "changes the answer" : "does not change the answer")
                .contains("claim is " + AnomalyExperiment.verdict(low, high).toLowerCase(java.util.Locale.ROOT));
        assertThat(Results.column(Results.table(result, "Means over"), "method")).contains(AnomalyExperiment.VARIATIONAL);
    }

    @Test
    void aPairedDifferenceWinsOnlyBeyondTwoStandardErrors() {
        assertThat(AnomalyExperiment.better(new double[] {0.01, 0.012, 0.011, 0.009})).isEqualTo("gmm");
        assertThat(AnomalyExperiment.better(new double[] {-0.01, -0.012, -0.011, -0.009})).isEqualTo("isolation-forest");
        assertThat(AnomalyExperiment.better(new double[] {0.02, -0.02, 0.01, -0.01})).isEqualTo("neither");
    }

    @Test
    void rocAndPrecisionRecallCurvesAreLineCharts() {
        var roc = Results.chart(result, "ROC, contamination 0.05");
        assertThat(roc.kind()).isEqualTo(ChartKind.LINE);
        var gmm = roc.series().getFirst();
        assertThat(gmm.x()[0]).isZero();
        assertThat(gmm.y()[0]).isZero();
        assertThat(gmm.x()[gmm.x().length - 1]).isEqualTo(1.0);
        assertThat(gmm.y()[gmm.y().length - 1]).isEqualTo(1.0);
        assertThat(Results.chart(result, "Precision-recall, contamination 0.20").kind()).isEqualTo(ChartKind.LINE);
        assertThat(Results.chart(result, "Blobs with outliers, contamination 0.05").ellipses()).hasSize(3);
    }

    @Test
    void contaminationOutsideTheHalfOpenIntervalIsRejected() {
        assertThatThrownBy(() -> Results.run(new AnomalyExperiment(), null, Map.of("high", "0.7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high").hasMessageContaining("(0, 0.5]");
    }
}
