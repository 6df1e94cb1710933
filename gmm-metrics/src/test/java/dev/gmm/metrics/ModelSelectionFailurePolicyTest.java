package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import dev.gmm.metrics.ModelSelection.Axis;
import dev.gmm.metrics.ModelSelection.Candidate;
import dev.gmm.metrics.ModelSelection.OnFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a grid point whose fit fails does to a selection. The data is three distinct points in the plane,
 * each repeated ten times, fitted without regularisation (regCovar 0): one full component spans the
 * plane, but with two or three components some component holds one or two distinct points and its
 * covariance is singular, an ill-defined covariance.
 */
class ModelSelectionFailurePolicyTest {
    private static final DataMatrix THREE_POINTS = threePoints();

    private static DataMatrix threePoints() {
        double[][] corners = {{0, 0}, {4, 0}, {0, 3}};
        double[][] rows = new double[30][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = corners[i % 3].clone();
        }
        return DataMatrix.of(rows);
    }

    private static ModelSelection.Builder grid() {
        return ModelSelection.builder().components(1, 2, 3).regCovars(0).seed(0).parallelism(2);
    }

    @Test
    void byDefaultAFailedFitFailsTheSelectionNamingTheGridPoint() {
        assertThatThrownBy(() -> grid().build().select(THREE_POINTS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model selection failed at components=2, covarianceType=full")
                .hasMessageContaining("ill-defined empirical covariance")
                .hasMessageContaining("onFailure(SKIP)");
    }

    @Test
    void skipKeepsTheFailedFitsAsFailedCandidatesRankedLast() {
        ModelSelection.Result result = grid().onFailure(OnFailure.SKIP).build().select(THREE_POINTS, null);

        assertThat(result.ranked()).extracting(Candidate::components).containsExactly(1, 2, 3);
        assertThat(result.ranked()).extracting(Candidate::failed).containsExactly(false, true, true);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.bestCandidate().components()).isEqualTo(1);
        assertThat(result.best().components()).isEqualTo(1);
        assertThat(result.bestCandidate().bic()).isEqualTo(result.best().bic(THREE_POINTS));
        Candidate failed = result.ranked().get(1);
        assertThat(failed.failure()).contains("ill-defined empirical covariance");
        assertThat(failed.bic()).isNaN();
        assertThat(failed.metric()).isNaN();
        assertThat(failed.converged()).isFalse();
    }

    @Test
    void skipStillFailsWhenEveryGridPointFails() {
        assertThatThrownBy(() -> ModelSelection.builder().components(2, 3).regCovars(0).onFailure(OnFailure.SKIP)
                .build().select(THREE_POINTS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model selection failed at every one of its 2 grid points; the first, "
                        + "components=2, covarianceType=full")
                .hasMessageContaining("ill-defined empirical covariance");
    }

    @Test
    void skipChangesNothingOnAGridWithoutFailures() {
        ModelSelection.Builder sound = ModelSelection.builder().components(1, 2, 3).covarianceTypes("full", "diag")
                .seed(0).parallelism(2);
        DataMatrix blobs = Fixture.x(Fixture.cases().get(0));
        ModelSelection.Result failing = sound.build().select(blobs, null);
        ModelSelection.Result skipping = sound.onFailure(OnFailure.SKIP).build().select(blobs, null);
        assertThat(skipping.ranked()).isEqualTo(failing.ranked());
        assertThat(skipping.skipped()).isZero();
    }

    @Test
    void theNestingOrderLaysOutTheGridOutermostAxisFirst() {
        DataMatrix blobs = Fixture.x(Fixture.cases().get(0));
        ModelSelection.Builder b = ModelSelection.builder().components(1, 2).covarianceTypes("full", "diag").seed(0);
        assertThat(b.build().select(blobs, null).grid())
                .extracting(c -> c.covarianceType() + c.components())
                .containsExactly("full1", "diag1", "full2", "diag2");
        assertThat(b.nesting(Axis.COVARIANCE_TYPE, Axis.COMPONENTS).build().select(blobs, null).grid())
                .extracting(c -> c.covarianceType() + c.components())
                .containsExactly("full1", "full2", "diag1", "diag2");
        assertThatThrownBy(() -> ModelSelection.builder().nesting(Axis.COMPONENTS, Axis.COMPONENTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
