package dev.gmm.example.shrinkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.spi.IllDefinedCovarianceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The "oas" plugin is scikit-learn's OAS per component: one component on 12 rows of 6 features gives
 * sklearn's shrunk covariance; with few rows per component for its dimension, "full" is singular at
 * reg_covar 0 and "oas" is not.
 */
class OasCovarianceTest {

    @Test
    void one_component_gives_scikit_learns_oas_covariance() throws IOException {
        String json;
        try (InputStream in = OasCovarianceTest.class.getResourceAsStream("/oas-reference.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        double[][] x = matrix(json, "X", 12, 6);
        double[][] expected = matrix(json, "covariance", 6, 6);
        GaussianMixtureModel model = GaussianMixture.builder().components(1).covarianceType("oas").regCovar(0)
                .maxIter(1).build().fit(DataMatrix.of(x));
        double[][] covariance = model.covariance(0);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(covariance[i][j]).as("[%d][%d]", i, j)
                        .isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected[i][j]) + 1e-15));
            }
        }
    }

    @Test
    void few_rows_for_the_dimension_fit_where_the_plain_full_covariance_is_singular() {
        SplittableRandom random = new SplittableRandom(3);
        int d = 12;
        double[][] rows = new double[16][d]; // 8 rows per group in 12 dimensions: rank-deficient scatter
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = (i % 2 == 0 ? -20 : 20) + random.nextGaussian();
            }
        }
        GaussianMixture.Builder b = GaussianMixture.builder().components(2).regCovar(0).seed(0);
        assertThatThrownBy(() -> b.covarianceType("full").build().fit(DataMatrix.of(rows)))
                .isInstanceOf(IllDefinedCovarianceException.class);
        GaussianMixtureModel oas = b.covarianceType("oas").build().fit(DataMatrix.of(rows));
        assertThat(oas.report().lowerBound()).isFinite();
        assertThat(oas.predict(DataMatrix.of(rows))).satisfies(labels -> {
            for (int i = 2; i < labels.length; i++) {
                assertThat(labels[i]).isEqualTo(labels[i % 2]);
            }
        });
    }

    private static double[][] matrix(String json, String key, int rows, int cols) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[(.*?)\\]\\]").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        String[] numbers = m.group(1).replace("[", "").replace("]", "").split(",");
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows * cols; i++) {
            out[i / cols][i % cols] = Double.parseDouble(numbers[i].trim());
        }
        return out;
    }
}
