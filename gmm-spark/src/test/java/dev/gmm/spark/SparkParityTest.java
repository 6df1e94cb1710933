package dev.gmm.spark;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

/**
 * On every scikit-learn EM fixture, EM on Spark (local[2], three partitions) from the fixture's start
 * gives the numbers gmm's single-machine fit gives: parameters within 1e-10 relative, the lower bound
 * within 1e-12, the same n_iter — over the run to convergence (tol 1e-10), i.e. every iteration.
 */
class SparkParityTest {

    static List<String> fixtures() {
        return Fixtures.index();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void em_on_three_partitions_follows_the_single_machine_fit(String name) {
        Map<String, Object> fixture = Fixtures.json(name);
        GaussianMixture config = Fixtures.config(fixture, Fixtures.convergedRun(fixture));
        DataMatrix x = Fixtures.data(fixture);
        GaussianMixtureModel expected = config.fit(x);

        GaussianMixtureModel actual = Fixtures.estimator(config).fit(SharedSpark.vectors(x, 3)).gmm();

        Agreement.assertSameFit(actual, expected, 1e-10, 1e-12);
    }
}
