package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.testsupport.SharedFixtures;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the variational fit promises beyond the fixtures: the priors' ranges and shapes and the
 * responsibilities' shape are clear errors; integer sample weights fit like repeated rows; a warm start
 * continues from the model's lower bound; the sparse prior switches unneeded components off; the model
 * answers through the interface it shares with EM.
 */
class BayesianBehaviourTest {
    private static final DataMatrix IRIS = DataMatrix.of(SharedFixtures.csv("sklearn-bgmm", "iris.csv"));

    private static BayesianGaussianMixture.Builder full(int k) {
        return BayesianGaussianMixture.builder().components(k).covarianceType("full");
    }

    @Test
    void priors_out_of_range_are_refused_with_the_fix() {
        VariationalPriors p = VariationalPriors.defaults();
        assertThatThrownBy(() -> p.withWeightConcentrationPrior(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weight_concentration_prior' should be a finite number > 0, but got -1.0");
        assertThatThrownBy(() -> p.withMeanPrecisionPrior(0)).hasMessageContaining("'mean_precision_prior'");
        assertThatThrownBy(() -> p.withMeanPrior(new double[] {Double.NaN})).hasMessageContaining("mean_prior[0] = NaN");
        assertThatThrownBy(() -> full(2).priors(p.withDegreesOfFreedomPrior(3)).build().fit(IRIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'degrees_of_freedom_prior' should be greater than 3, but got 3.000");
        assertThatThrownBy(() -> full(2).priors(p.withMeanPrior(new double[] {1, 2})).build().fit(IRIS))
                .hasMessageContaining("mean_prior should have shape (4,), but got (2,)");
        assertThatThrownBy(() -> BayesianGaussianMixture.builder().covarianceType("VVV"))
                .hasMessageContaining("use full, tied, diag or spherical");
        assertThatThrownBy(() -> BayesianGaussianMixture.builder().weightConcentrationPriorType("pitman_yor"))
                .hasMessageContaining("use dirichlet_process or dirichlet_distribution");
    }

    @Test
    void a_covariance_prior_of_the_wrong_shape_or_not_positive_definite_is_refused() {
        VariationalPriors p = VariationalPriors.defaults();
        assertThatThrownBy(() -> full(2).priors(p.withCovariancePrior(new double[][] {{1, 0}, {0, 1}})).build().fit(IRIS))
                .hasMessageContaining("'full covariance_prior' should have the shape of (4, 4), but got [2, 2]");
        double[][] indefinite = {{1, 2, 0, 0}, {2, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        assertThatThrownBy(() -> full(2).covarianceType("tied").priors(p.withCovariancePrior(indefinite)).build()
                .fit(IRIS)).hasMessageContaining("'tied covariance_prior' should be symmetric, positive-definite");
        assertThatThrownBy(() -> full(2).covarianceType("diag").priors(p.withCovariancePrior(new double[] {1, 1, 0, 1}))
                .build().fit(IRIS)).hasMessageContaining("'diag covariance_prior' should be positive, but got 0.0 at index 2");
        assertThatThrownBy(() -> full(2).covarianceType("spherical").priors(p.withCovariancePrior(-2.0)).build()
                .fit(IRIS)).hasMessageContaining("'spherical covariance_prior' should be positive, but got -2.0");
    }

    @Test
    void responsibilities_of_the_wrong_shape_or_not_summing_to_one_are_refused() {
        BayesianGaussianMixture config = full(2).build();
        DataMatrix x = DataMatrix.of(new double[][] {{0}, {1}, {5}, {6}});
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null, new double[][] {{1, 0}, {1, 0}, {0, 1}}))
                .hasMessageContaining("3 rows but the data have 4");
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null, new double[][] {{1, 0}, {1, 0}, {0, 1}, {1}}))
                .hasMessageContaining("row 3 has 1 values");
        assertThatThrownBy(() -> config.fitFromResponsibilities(x, null,
                new double[][] {{1, 0}, {0.5, 0.4}, {0, 1}, {0, 1}})).hasMessageContaining("row 1 sums to 0.9");
    }

    @Test
    void integer_sample_weights_fit_like_repeated_rows() {
        double[][] rows = IRIS.toArray();
        double[] weights = new double[rows.length];
        List<double[]> repeated = new ArrayList<>();
        double[][] start = new double[rows.length][3];
        List<double[]> repeatedStart = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            weights[i] = 1 + i % 3;
            start[i][i % 3] = 1;
            for (int r = 0; r < weights[i]; r++) {
                repeated.add(rows[i]);
                repeatedStart.add(start[i]);
            }
        }
        BayesianGaussianMixture config = full(3).maxIter(5).tol(0).build();
        BayesianGaussianMixtureModel weighted = config.fitFromResponsibilities(IRIS, weights, start);
        BayesianGaussianMixtureModel copies = config.fitFromResponsibilities(DataMatrix.of(repeated.toArray(double[][]::new)),
                null, repeatedStart.toArray(double[][]::new));
        assertThat(weighted.priors().covariancePrior().values())
                .usingComparatorWithPrecision(1e-12).containsExactly(copies.priors().covariancePrior().values());
        assertThat(weighted.weights()).usingComparatorWithPrecision(1e-10).containsExactly(copies.weights());
        assertThat(weighted.degreesOfFreedom()).usingComparatorWithPrecision(1e-8).containsExactly(copies.degreesOfFreedom());
        assertThat(weighted.report().lowerBound()).isCloseTo(copies.report().lowerBound(),
                org.assertj.core.data.Offset.offset(1e-8 * Math.abs(copies.report().lowerBound())));
    }

    @Test
    void a_warm_start_continues_where_the_model_stopped() {
        BayesianGaussianMixture config = full(4).tol(0).build();
        double[][] start = SharedFixtures.json("sklearn-bgmm", "iris-full-process.json") instanceof java.util.Map<?, ?> m
                ? dev.gmm.testsupport.Json.mat(((java.util.Map<?, ?>) m.get("start")).get("responsibilities")) : null;
        double[][] four = new double[start.length][4];
        for (int i = 0; i < start.length; i++) {
            double s = start[i][0] + start[i][1] + start[i][2] + start[i][3];
            for (int k = 0; k < 4; k++) {
                four[i][k] = start[i][k] / s;
            }
        }
        BayesianGaussianMixtureModel three = config.toBuilder().maxIter(3).build().fitFromResponsibilities(IRIS, null, four);
        BayesianGaussianMixtureModel thenTwo = config.toBuilder().maxIter(2).build().fit(IRIS, null, three);
        BayesianGaussianMixtureModel five = config.toBuilder().maxIter(5).build().fitFromResponsibilities(IRIS, null, four);
        assertThat(thenTwo.report().lowerBound()).isEqualTo(five.report().lowerBound());
        assertThat(thenTwo.weights()).containsExactly(five.weights());
        assertThatThrownBy(() -> config.toBuilder().components(3).build().fit(IRIS, null, three))
                .hasMessageContaining("start from a model of the same shape");
    }

    @Test
    void a_sparse_dirichlet_process_prior_switches_unneeded_components_off() {
        DataMatrix blobs = DataMatrix.of(SharedFixtures.csv("sklearn-bgmm", "blobs3d.csv"));
        MixtureEstimator<BayesianGaussianMixtureModel> estimator = full(8).nInit(2).seed(3)
                .priors(VariationalPriors.defaults().withWeightConcentrationPrior(0.01)).build();
        BayesianGaussianMixtureModel model = estimator.fit(blobs);
        long alive = java.util.Arrays.stream(model.weights()).filter(w -> w > 0.01).count();
        assertThat(alive).as("components with weight > 1%% of 8 on three blobs").isEqualTo(3);
        MixtureModel common = model;
        assertThat(common.predictProba(blobs)[0]).hasSize(8);
        assertThat(common.sample(50, 1).data().rows()).isEqualTo(50);
        assertThat(model.report().converged()).isTrue();
    }
}
