package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.testsupport.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster-scale start — k-means on a seeded uniform sample of at most initSampleSize rows — is as
 * good as scikit-learn's start on all rows: with nInit 10 and a sample of half the rows, the best lower
 * bound is no worse than scikit-learn 1.2.1's (kmeans-init-quality.json, n_init 10) by more than 1e-3, the
 * fixtures' criterion, in the four full-covariance cases CI runs. -Dgmm.spark.allInitCases=true runs all
 * sixteen and prints the README's table; there a half sample may cost more (measured worst: aniso2d
 * spherical, 2.1e-3 below scikit-learn's start on all rows), so those are held to 5e-3.
 */
class InitialSampleQualityTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        List<Map<String, Object>> all = (List<Map<String, Object>>) Json.parse(Fixtures.text("kmeans-init-quality.json"));
        return Boolean.getBoolean("gmm.spark.allInitCases") ? all
                : all.stream().filter(c -> c.get("covariance_type").equals("full")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void k_means_on_half_the_rows_starts_as_well_as_scikit_learn_on_all(Map<String, Object> c) {
        DataMatrix x = Fixtures.csv((String) c.get("dataset"));
        GaussianMixture config = GaussianMixture.builder().components(((Number) c.get("n_components")).intValue())
                .covarianceType((String) c.get("covariance_type")).nInit(10).seed(0).build();
        double sklearn = ((Number) c.get("lower_bound")).doubleValue();
        double singleMachine = config.fit(x).report().lowerBound();

        double sampled = Fixtures.estimator(config).setInitSampleSize(x.rows() / 2)
                .fit(SharedSpark.vectors(x, 3)).gmm().report().lowerBound();

        System.out.println(String.format(Locale.ROOT, "init quality | %s | %s | %.6f | %.6f | %.6f | %+.1e |",
                c.get("dataset"), c.get("covariance_type"), sklearn, singleMachine, sampled, sampled - sklearn));
        double allowed = c.get("covariance_type").equals("full") ? 1e-3 : 5e-3;
        assertThat(sampled).isGreaterThanOrEqualTo(sklearn - allowed);
    }
}
