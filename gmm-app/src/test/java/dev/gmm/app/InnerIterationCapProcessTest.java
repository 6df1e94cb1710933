package dev.gmm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.testsupport.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The iterative M-steps of mclust's family (EVE, VVE, VEE, VEV, VEI) stop at a cap on their inner
 * iterations; one that stops there before mclust's sqrt(eps) rule is met says so on stderr, and the fit
 * goes on from the last finite iterate: never a silent NaN. The cap is lowered to 1 through the launcher
 * ({@code GMM_JAVA_OPTS=-Dgmm.parsimonious.maxInnerIterations=1}) so that every M-step stops there; an
 * invalid cap is a user's mistake like any other.
 */
class InnerIterationCapProcessTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EVE", "VEV", "VEI"}) // the three loops: common orientation, oriented, axis-aligned
    void an_inner_iteration_stopped_by_the_cap_is_a_warning_and_the_model_stays_finite(String model)
            throws Exception {
        GmmLauncher gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        Files.writeString(dir.resolve("x.csv"), SharedFixtures.text("mclust", "iris.csv"));
        GmmProcess.Result fit = gmm.run(dir, Map.of("GMM_JAVA_OPTS", "-Dgmm.parsimonious.maxInnerIterations=1"),
                "fit", "--data", "x.csv", "--components", "3", "--covariance", model, "--max-iter", "5", "--out",
                "m.json");

        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        assertThat(fit.stderr()).contains("the " + model + " M-step did not converge in 1 inner iterations",
                "its last estimate is used");
        GaussianMixtureModel m = ModelJson.read(dir.resolve("m.json"));
        assertThat(Arrays.stream(m.covariances().values()).allMatch(Double::isFinite)).as("finite covariances")
                .isTrue();
        assertThat(m.report().lowerBound()).isFinite();
    }

    @org.junit.jupiter.api.Test
    void a_cap_that_is_not_a_positive_integer_is_a_one_line_error() throws Exception {
        String cap = "0";
        GmmLauncher gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        Files.writeString(dir.resolve("x.csv"), SharedFixtures.text("mclust", "iris.csv"));
        GmmProcess.Result fit = gmm.run(dir, Map.of("GMM_JAVA_OPTS", "-Dgmm.parsimonious.maxInnerIterations=" + cap),
                "fit", "--data", "x.csv", "--components", "3", "--covariance", "EVE", "--out", "m.json");

        assertThat(fit.exitCode()).as(fit.stderr()).isEqualTo(2);
        assertThat(fit.stderr().strip()).contains("maxInnerIterations=" + cap, "is not a positive integer")
                .doesNotContain("\n");
    }
}
