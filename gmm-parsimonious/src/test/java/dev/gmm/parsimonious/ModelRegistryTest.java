package dev.gmm.parsimonious;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.testsupport.SharedFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The family as users find it: by name through the registry, on the kernel's paths, and read back. */
class ModelRegistryTest {

    @Test
    void all_fourteen_models_are_registered_under_mclusts_names_in_lower_case() {
        for (MclustModel m : MclustModel.values()) {
            assertThat(Plugins.covarianceModel(m.providerName()).name()).isEqualTo(m.providerName());
        }
        assertThat(MclustModel.of("vev")).isEqualTo(MclustModel.VEV);
        assertThat(MclustModel.of("VEV")).isEqualTo(MclustModel.VEV);
    }

    @Test
    void an_unknown_model_name_lists_the_fourteen() {
        assertThatThrownBy(() -> MclustModel.of("VVX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'VVX'")
                .hasMessageContaining("[EII, VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV]");
    }

    @ParameterizedTest
    @EnumSource(MclustModel.class)
    void each_model_runs_on_the_kernels_full_or_diagonal_path_and_reads_back_exactly(MclustModel m) {
        DataMatrix x = DataMatrix.of(SharedFixtures.csv("mclust", "iris.csv"));
        double[][] z0 = SharedFixtures.csv("mclust", "iris.z0.csv");
        GaussianMixtureModel fitted = GaussianMixture.builder().components(3).covarianceType(m.providerName())
                .regCovar(1e-6).maxIter(5).tol(0).build().fitFromResponsibilities(x, null, z0);
        assertThat(fitted.parameters().form()).isEqualTo(
                m.diagonal() ? PrecisionForm.DIAGONAL : PrecisionForm.UPPER_TRIANGULAR);

        CovarianceModel provider = Plugins.covarianceModel(m.providerName());
        GaussianMixtureModel reread = GaussianMixtureModel.fromCovariances(m.providerName(), fitted.weights(),
                fitted.means(), fitted.covariances(), fitted.regCovar(), fitted.report());
        assertThat(reread.covariances().values()).containsExactly(fitted.covariances().values());
        assertThat(reread.scoreSamples(x)).containsExactly(fitted.scoreSamples(x));
        assertThat(fitted.numParameters()).isEqualTo(m.covarianceParameterCount(3, 4) + 3 * 4 + 2);
        assertThat(provider.description()).startsWith("mclust " + m.name());
    }

    @Test
    void a_diagonal_model_refuses_covariances_with_off_diagonal_entries() {
        CovarianceModel eei = Plugins.covarianceModel("eei");
        var covariances = new dev.gmm.core.ShapedArray(new int[] {1, 2, 2}, new double[] {1, 0.5, 0.5, 1});
        assertThatThrownBy(() -> eei.fromCovariances(covariances, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("off-diagonal entry [0][1] = 0.5")
                .hasMessageContaining("pick a model with orientation E or V");
    }
}
