package dev.gmm.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.testsupport.SharedFixtures;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Variational model files (Decision 20): format_version 2 with "method": "variational", scikit-learn's
 * attribute names and the resolved priors; they read back into a model that predicts and scores as the
 * fitted one did, for all four covariance types and both prior types; EM files stay version 1.
 */
class VariationalModelJsonTest {
    private static final DataMatrix IRIS = DataMatrix.of(SharedFixtures.csv("sklearn-bgmm", "iris.csv"));

    @ParameterizedTest
    @CsvSource({"full,dirichlet_process", "tied,dirichlet_distribution", "diag,dirichlet_process",
            "spherical,dirichlet_distribution"})
    void a_variational_model_survives_the_file(String covariance, String priorType) throws Exception {
        BayesianGaussianMixtureModel fitted = BayesianGaussianMixture.builder().components(4).covarianceType(covariance)
                .weightConcentrationPriorType(priorType).maxIter(20).build().fit(IRIS);
        String json = ModelJson.toJson(new SavedModel(fitted, List.of("a", "b", "c", "d")));
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("format_version").asInt()).isEqualTo(2);
        assertThat(root.get("method").asText()).isEqualTo("variational");
        assertThat(root.get("weight_concentration_prior_type").asText()).isEqualTo(priorType);
        assertThat(root.get("priors").get("degrees_of_freedom_prior").asDouble()).isEqualTo(4.0);
        assertThat(root.get("degrees_of_freedom").isNumber()).isEqualTo(covariance.equals("tied"));

        SavedModel back = ModelJson.savedFromJson(json);
        assertThat(back.isVariational()).isTrue();
        BayesianGaussianMixtureModel read = back.variational();
        assertThat(read.weightConcentration()).isDeepEqualTo(fitted.weightConcentration());
        assertThat(read.meanPrecision()).containsExactly(fitted.meanPrecision());
        assertThat(read.degreesOfFreedom()).containsExactly(fitted.degreesOfFreedom());
        assertThat(read.priors().covariancePrior()).isEqualTo(fitted.priors().covariancePrior());
        assertThat(read.report().lowerBound()).isEqualTo(fitted.report().lowerBound());
        assertThat(read.scoreSamples(IRIS)).containsExactly(fitted.scoreSamples(IRIS));
        assertThat(read.predict(IRIS)).containsExactly(fitted.predict(IRIS));
        assertThat(back.mixture()).isSameAs(read);
        assertThat(back.featureNamesIn()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void em_files_stay_version_1_and_a_broken_variational_file_is_named() throws Exception {
        String em = ModelJson.toJson(GaussianMixture.builder().components(2).build().fit(IRIS));
        assertThat(new ObjectMapper().readTree(em).get("format_version").asInt()).isEqualTo(1);
        assertThat(ModelJson.savedFromJson(em).isVariational()).isFalse();

        String vb = ModelJson.toJson(new SavedModel(BayesianGaussianMixture.builder().components(2).build().fit(IRIS),
                List.of()));
        assertThatThrownBy(() -> ModelJson.savedFromJson(vb.replace("\"mean_precision\"", "\"mean_precisio\"")))
                .hasMessageContaining("\"mean_precision\"").hasMessageContaining("missing");
        assertThatThrownBy(() -> ModelJson.savedFromJson(vb.replace("\"method\" : \"variational\"", "\"method\" : \"mcmc\"")))
                .hasMessageContaining("\"em\" or \"variational\"");
    }
}
