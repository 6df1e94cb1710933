package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Grid selection on three well separated blobs (the fixture's blobs300) finds three components. */
class ModelSelectionTest {

    private static final Map<String, Object> BLOBS = Fixture.cases().get(0);
    private static final DataMatrix X = Fixture.x(BLOBS);
    private static final int[] TRUTH = Fixture.ints(BLOBS, "labels_true");

    @Test
    void bic_ranks_the_whole_grid_and_picks_three_components() {
        ModelSelection.Result result = ModelSelection.builder().components(1, 2, 3, 4, 5)
                .covarianceTypes("full", "diag").regCovars(1e-6, 1e-3).seed(0).parallelism(2).build()
                .select(X, null);
        assertThat(result.ranked()).hasSize(5 * 2 * 2);
        assertThat(result.bestCandidate().components()).isEqualTo(3);
        assertThat(result.best().components()).isEqualTo(3);
        assertThat(result.bestCandidate().bic()).isCloseTo(result.best().bic(X), within(1e-9));
        assertThat(result.bestCandidate().metric()).isEqualTo(result.bestCandidate().bic());
        assertThat(result.ranked()).isSortedAccordingTo((a, b) -> Double.compare(a.bic(), b.bic()));
    }

    @Test
    void progress_sees_one_step_per_grid_point_and_the_end() {
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                events.add("start " + total);
            }

            @Override
            public void advance(long n) {
                steps.addAndGet(n);
            }

            @Override
            public void finish() {
                events.add("finish");
            }
        };
        ModelSelection.builder().components(1, 2, 3).covarianceTypes("full", "diag").seed(0).parallelism(2).build()
                .select(X, null, listener);
        assertThat(events).containsExactly("start 6", "finish");
        assertThat(steps.get()).isEqualTo(6);
    }

    @Test
    void an_external_metric_ranks_highest_first_and_needs_the_truth() {
        ModelSelection selection = ModelSelection.builder().components(2, 3, 4).criterion("adjusted_rand_score")
                .seed(0).build();
        ModelSelection.Result result = selection.select(X, TRUTH);
        assertThat(result.bestCandidate().components()).isEqualTo(3);
        assertThat(result.bestCandidate().metric()).isEqualTo(1.0);
        assertThat(result.ranked()).isSortedAccordingTo((a, b) -> Double.compare(b.metric(), a.metric()));
        assertThatThrownBy(() -> selection.select(X, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass truth");
    }

    @Test
    void an_unknown_criterion_lists_the_known_ones() {
        assertThatThrownBy(() -> ModelSelection.builder().criterion("bogus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silhouette_score");
    }

    @Test
    void a_grid_point_where_the_metric_is_undefined_is_named_in_the_error() {
        ModelSelection selection = ModelSelection.builder().components(1, 3).criterion("silhouette_score").build();
        assertThatThrownBy(() -> selection.select(X, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components=1")
                .hasMessageContaining("Number of labels is 1");
    }

    @Test
    void information_criteria_table_matches_the_models_own_values() {
        List<GaussianMixtureModel> models = List.of(
                GaussianMixture.builder().components(2).seed(0).build().fit(X),
                GaussianMixture.builder().components(3).seed(0).build().fit(X));
        List<InformationCriteria.Row> rows = InformationCriteria.table(models, X);
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) {
            GaussianMixtureModel m = models.get(i);
            InformationCriteria.Row row = rows.get(i);
            assertThat(row.bic()).isEqualTo(m.bic(X));
            assertThat(row.aic()).isEqualTo(m.aic(X));
            assertThat(row.numParameters()).isEqualTo(m.numParameters());
            assertThat(row.bic()).isCloseTo(-2 * row.logLikelihood() + row.numParameters() * Math.log(300), within(1e-6));
        }
        assertThat(InformationCriteria.best(rows, "bic")).isEqualTo(1);
        assertThatThrownBy(() -> InformationCriteria.best(rows, "hqc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bic\", \"aic\" or \"icl\"");
    }

    @Test
    void icl_is_the_bic_plus_twice_the_entropy_of_the_map_assignment() {
        // two unit-variance components at -1 and +1, equal weights: a row at 0 is a coin toss (log 1/2),
        // a row at 10 belongs to the right one for certain (log 1)
        GaussianMixtureModel model = GaussianMixtureModel.fromCovariances("spherical", new double[] {0.5, 0.5},
                new double[][] {{-1}, {1}}, new dev.gmm.core.ShapedArray(new int[] {2}, new double[] {1, 1}), 0,
                new dev.gmm.core.FitReport(true, 0, 0, new double[0], 0, "none", 1, 0));
        DataMatrix data = DataMatrix.of(new double[][] {{0}, {10}});
        double rightAtTen = 1 / (1 + Math.exp(-20)); // exp(-(9)²/2) / (exp(-(9)²/2) + exp(-(11)²/2))
        assertThat(InformationCriteria.icl(model, data))
                .isCloseTo(model.bic(data) + 2 * Math.log(2) - 2 * Math.log(rightAtTen), within(1e-12));

        GaussianMixtureModel one = GaussianMixture.builder().components(1).seed(0).build().fit(X);
        assertThat(InformationCriteria.icl(one, X)).as("one component: no assignment entropy").isEqualTo(one.bic(X));

        List<InformationCriteria.Row> rows = InformationCriteria.table(List.of(model), data);
        assertThat(rows.get(0).icl()).isEqualTo(InformationCriteria.icl(model, data));
        assertThat(InformationCriteria.best(rows, "icl")).isZero();
        ModelSelection.Result byIcl = ModelSelection.builder().components(1, 2, 3).criterion("icl").seed(0).build()
                .select(X, null);
        for (ModelSelection.Candidate c : byIcl.ranked()) {
            assertThat(c.metric()).as("the ICL ranks, and is never below the BIC").isGreaterThanOrEqualTo(c.bic());
        }
        assertThat(byIcl.ranked().get(0).metric()).isLessThanOrEqualTo(byIcl.ranked().get(2).metric());
    }
}
