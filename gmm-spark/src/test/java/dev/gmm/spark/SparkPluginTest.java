package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A third party's covariance model (examples/tied-diag-plugin: one diagonal covariance shared by every
 * component, in a layout of its own) is found by name on the class path and fits on Spark as on one
 * machine; its model saves and loads.
 */
class SparkPluginTest {

    @Test
    void a_plugin_covariance_model_fits_on_spark_as_on_one_machine(@TempDir Path dir) throws Exception {
        DataMatrix x = Fixtures.csv("blobs5d.csv");
        GaussianMixture config = GaussianMixture.builder().components(4).covarianceType("tied-diag").seed(2)
                .tol(1e-8).build();
        GaussianMixtureModel expected = config.fit(x);

        SparkGaussianMixtureModel fitted = Fixtures.estimator(config).fit(SharedSpark.vectors(x, 3));
        Agreement.assertSameFit(fitted.gmm(), expected, 1e-10, 1e-12);

        fitted.write().save(dir.resolve("m").toString());
        GaussianMixtureModel loaded = SparkGaussianMixtureModel.load(dir.resolve("m").toString()).gmm();
        assertThat(loaded.covarianceType()).isEqualTo("tied-diag");
        assertThat(loaded.covariances().values()).isEqualTo(fitted.gmm().covariances().values());
    }
}
