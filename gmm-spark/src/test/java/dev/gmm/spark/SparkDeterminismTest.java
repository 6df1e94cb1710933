package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same data, partitioning and seed give the same model bit for bit; other partitionings agree
 * within 1e-10 relative; when every row reaches the initializer the start is the single-machine start,
 * for every built-in initializer, so the whole fit (nInit included) is the single-machine fit.
 */
class SparkDeterminismTest {
    private static final DataMatrix BLOBS = Fixtures.csv("blobs5d.csv");

    private static GaussianMixture config(String init) {
        return GaussianMixture.builder().components(4).covarianceType("full").initMethod(init).nInit(3).seed(7)
                .tol(1e-8).maxIter(200).build();
    }

    @Test
    void the_same_partitioning_and_seed_give_the_same_model_bit_for_bit() {
        SparkGaussianMixture estimator = Fixtures.estimator(config("kmeans"));
        GaussianMixtureModel once = estimator.fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        GaussianMixtureModel again = estimator.fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        assertThat(again.report().lowerBoundTrace()).isEqualTo(once.report().lowerBoundTrace());
        assertThat(again.weights()).isEqualTo(once.weights());
        assertThat(again.means()).isDeepEqualTo(once.means());
        assertThat(again.covariances().values()).isEqualTo(once.covariances().values());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7, 70})
    void other_partitionings_agree_within_1e_10(int partitions) {
        SparkGaussianMixture estimator = Fixtures.estimator(config("kmeans"));
        GaussianMixtureModel three = estimator.fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        GaussianMixtureModel other = estimator.fit(SharedSpark.vectors(BLOBS, partitions)).gmm();
        Agreement.assertSameMixture(other, three, 1e-10, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmeans", "k-means++", "random", "random_from_data"})
    void with_every_row_in_the_sample_each_start_is_the_single_machine_start(String init) {
        GaussianMixture config = config(init).toBuilder().nInit(1).build();
        for (int seed = 0; seed < 3; seed++) {
            GaussianMixture seeded = config.toBuilder().seed(seed).build();
            GaussianMixtureModel expected = seeded.fit(BLOBS);
            GaussianMixtureModel actual = Fixtures.estimator(seeded).fit(SharedSpark.vectors(BLOBS, 3)).gmm();
            Agreement.assertSameFit(actual, expected, 1e-10, 1e-12);
        }
    }

    @Test
    void with_n_init_the_best_start_is_the_single_machine_fits_mixture() {
        GaussianMixture config = config("kmeans").toBuilder().nInit(5).build();
        GaussianMixtureModel expected = config.fit(BLOBS);
        GaussianMixtureModel actual = Fixtures.estimator(config).fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        Agreement.assertSameMixture(actual, expected, 1e-10, 1e-12);
    }

    @Test
    void a_sampled_start_does_not_depend_on_the_partitioning() {
        SparkGaussianMixture estimator = Fixtures.estimator(config("kmeans")).setInitSampleSize(300);
        GaussianMixtureModel two = estimator.fit(SharedSpark.vectors(BLOBS, 2)).gmm();
        GaussianMixtureModel five = estimator.fit(SharedSpark.vectors(BLOBS, 5)).gmm();
        Agreement.assertSameMixture(five, two, 1e-10, 1e-12);
    }

    @Test
    void the_iteration_listener_sees_every_iteration_and_can_stop_a_start() {
        java.util.List<Double> bounds = new java.util.ArrayList<>();
        GaussianMixtureModel m = Fixtures.estimator(config("kmeans").toBuilder().nInit(1).build())
                .setIterationListener((start, iteration, bound, change) -> {
                    bounds.add(bound);
                    return iteration < 3;
                })
                .fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        assertThat(m.report().iterations()).isEqualTo(3);
        assertThat(bounds).containsExactly(java.util.Arrays.stream(m.report().lowerBoundTrace()).boxed()
                .toArray(Double[]::new));
    }

    @Test
    void the_report_names_the_executors_kernel_and_the_partitions() {
        GaussianMixtureModel m = Fixtures.estimator(config("kmeans").toBuilder().nInit(1).build())
                .fit(SharedSpark.vectors(BLOBS, 3)).gmm();
        // the tests add jdk.incubator.vector, so the executors (threads of this JVM) run the SIMD kernel
        assertThat(m.report().kernel()).startsWith("simd");
        assertThat(m.report().workers()).isEqualTo(3);
    }
}
