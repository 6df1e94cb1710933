package dev.gmm.example.tieddiag;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;
import dev.gmm.core.spi.CovarianceModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plugin is found by name and EM runs with it unchanged. */
class TiedDiagonalPluginTest {

    @Test
    void theRegistryFindsThePluginsByName() {
        assertThat(Plugins.names(CovarianceModel.class)).contains("tied-diag", "full");
        assertThat(Plugins.names(ClusterMetric.class)).contains("cluster_balance");
    }

    @Test
    void oneComponentGetsTheDataVariancePerFeature() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 5000;
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 2 * r.nextGaussian();
            x[2 * i + 1] = 0.5 * r.nextGaussian();
        }
        GaussianMixtureModel model = GaussianMixture.builder().covarianceType("tied-diag").build()
                .fit(DataMatrix.wrap(x, n, 2));
        assertThat(model.covariance(0)[0][0]).isCloseTo(4, within(0.2));
        assertThat(model.covariance(0)[1][1]).isCloseTo(0.25, within(0.02));
        assertThat(model.covariance(0)[0][1]).isZero();
        assertThat(model.numParameters()).isEqualTo(2 + 2 + 0);
    }

    @Test
    void componentsShareTheirVariance() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 4000;
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double shift = i % 2 == 0 ? -10 : 10;
            x[2 * i] = shift + r.nextGaussian();
            x[2 * i + 1] = r.nextGaussian();
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covarianceType("tied-diag").build()
                .fit(DataMatrix.wrap(x, n, 2));
        assertThat(model.covariance(0)).isDeepEqualTo(model.covariance(1));
        assertThat(model.covariance(0)[0][0]).isCloseTo(1, within(0.1));
        double balance = Plugins.find(ClusterMetric.class, "cluster_balance")
                .compute(MetricInput.clustering(null, model.predict(DataMatrix.wrap(x, n, 2)), null));
        assertThat(balance).isCloseTo(1, within(1e-3));
    }
}
