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
 * A whole gmm fit from an explicit start with tol 0, so it runs exactly {@code iterations} EM
 * iterations. Seconds per iteration = (t(11) − t(1)) / 10, which cancels set-up and the final E-step,
 * as bench_sklearn.py does. The kernel is chosen per fork with -Dgmm.kernel, because gmm-core does not
 * export its kernels: run the scalar and simd variants as separate benchmark methods, each pinned to
 * its kernel in its own JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EmIterationBenchmark {

    @Param({"W1", "W2", "W3", "W4"})
    public String workload;

    @Param({"full", "diag"})
    public String covariance;

    @Param({"1", "11"})
    public int iterations;

    /** Two, like scikit-learn's two BLAS threads: this machine's two cores (-p threads=1 for one). */
    @Param({"2"})
    public int threads;

    private Workload data;
    private DataMatrix data32;
    private GaussianMixture mixture;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = Workload.load(workload);
        data32 = data.data().toFloat32();
        var builder = GaussianMixture.builder()
                .components(data.weights().length)
                .covarianceType(covariance)
                .tol(0)
                .regCovar(0) // as the start and every peer: the same arithmetic
                .maxIter(iterations)
                .nInit(1)
                .threads(threads)
                .weightsInit(data.weights())
                .meansInit(data.means());
        builder = covariance.equals("full") ? builder.precisionsInit(data.precisions())
                : builder.precisionsInit(data.diagonalPrecisions());
        mixture = builder.build();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=scalar", "-Xmx4g"})
    public GaussianMixtureModel scalar() {
        return fit();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=simd", "-Xmx4g"})
    public GaussianMixtureModel simd() {
        return fit();
    }

    /** The same fit on the data stored as float32: the SIMD kernel's float mode (twice the lanes). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=simd", "-Xmx4g"})
    public GaussianMixtureModel simdFloat32() {
        return fit(data32);
    }

    private GaussianMixtureModel fit() {
        return fit(data.data());
    }

    private GaussianMixtureModel fit(DataMatrix x) {
        GaussianMixtureModel model = mixture.fit(x);
        if (model.report().iterations() != iterations) {
            throw new IllegalStateException("expected " + iterations + " EM iterations but the fit ran "
                    + model.report().iterations() + " (kernel " + model.report().kernel() + ")");
        }
        return model;
    }
}
