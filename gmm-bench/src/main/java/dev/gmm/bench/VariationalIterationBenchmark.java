package dev.gmm.bench;

import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
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
 * Variational EM (BayesianGaussianMixture) per iteration on the kernel workloads W2 and W3, full and
 * diag: a whole fit from given responsibilities — each row wholly to the nearest of the workload's
 * start means, as scripts/bench_sklearn_bgmm.py gives scikit-learn — with tol 0, so it runs exactly
 * {@code iterations} iterations. Seconds per iteration = (t(11) − t(1)) / 10, which cancels the start's
 * M-step and the set-up, as for {@link EmIterationBenchmark}. Each iteration is one fused kernel pass
 * (E-step and statistics) plus the variational M-step and lower bound on K×D×D numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class VariationalIterationBenchmark {

    @Param({"W2", "W3"})
    public String workload;

    @Param({"full", "diag"})
    public String covariance;

    @Param({"1", "11"})
    public int iterations;

    @Param({"2"})
    public int threads;

    private DataMatrix data;
    private double[][] responsibilities;
    private BayesianGaussianMixture mixture;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = Workload.load(workload);
        data = w.data();
        responsibilities = nearestMean(data, w.means());
        mixture = BayesianGaussianMixture.builder()
                .components(w.means().length)
                .covarianceType(covariance)
                .tol(0)
                .maxIter(iterations)
                .threads(threads)
                .build();
    }

    /** One-hot responsibilities: each row to its nearest start mean (ties to the lowest index). */
    static double[][] nearestMean(DataMatrix x, double[][] means) {
        double[][] r = new double[x.rows()][means.length];
        double[] row = new double[x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            x.copyRow(i, row, 0);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < means.length; c++) {
                double distance = 0;
                for (int j = 0; j < row.length; j++) {
                    double z = row[j] - means[c][j];
                    distance += z * z;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            r[i][best] = 1;
        }
        return r;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=scalar", "-Xmx6g"})
    public BayesianGaussianMixtureModel scalar() {
        return fit();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgmm.kernel=simd", "-Xmx6g"})
    public BayesianGaussianMixtureModel simd() {
        return fit();
    }

    private BayesianGaussianMixtureModel fit() {
        BayesianGaussianMixtureModel model = mixture.fitFromResponsibilities(data, null, responsibilities);
        if (model.report().iterations() != iterations) {
            throw new IllegalStateException("expected " + iterations + " variational iterations but the fit ran "
                    + model.report().iterations() + " (kernel " + model.report().kernel() + ")");
        }
        return model;
    }
}
