package dev.gmm.bench;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The E-step (score_samples over W2, 200k × 16, K 16) of every mclust model of gmm-parsimonious, one
 * row per model beside the core's full and diag: the claim under test is that the ten new models run
 * on the kernel's full or diagonal path at its speed (issue 22). Each model's parameters come from one
 * M-step on the responsibilities of a full-covariance fit from W2's start, so every row scores the same
 * clusters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=simd", "-Xmx4g"})
public class ParsimoniousEStepBenchmark {

    @Param({"full", "diag", "eii", "vii", "eei", "vei", "evi", "vvi", "eee", "vee", "eve", "vve", "eev", "vev",
            "evv", "vvv"})
    public String model;

    private DataMatrix data;
    private GaussianMixtureModel fitted;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = Workload.load("W2");
        data = w.data();
        GaussianMixtureModel start = GaussianMixture.builder().components(w.weights().length).covarianceType("full")
                .tol(0).regCovar(1e-6).maxIter(3).weightsInit(w.weights()).meansInit(w.means())
                .precisionsInit(w.precisions()).build().fit(data);
        fitted = GaussianMixture.builder().components(w.weights().length).covarianceType(model).regCovar(1e-6)
                .maxIter(0).build().fitFromResponsibilities(data, null, start.predictProba(data));
    }

    @Benchmark
    public double[] scoreSamples() {
        double[] scores = fitted.scoreSamples(data);
        // a broken kernel must not look fast
        if (!Double.isFinite(scores[0]) || !Double.isFinite(scores[scores.length - 1])) {
            throw new IllegalStateException(model + " scored a non-finite log-density");
        }
        return scores;
    }
}
