package dev.gmm.bench;

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
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture.Component;
import smile.tensor.DenseMatrix;

/**
 * The Smile 6.2.5 peer: {@code MultivariateExponentialFamilyMixture.fit(x, start, gamma, maxIter, tol)},
 * the EM loop behind Smile's {@code MultivariateGaussianMixture}, from the shared explicit start with
 * Gaussian components (full covariance, or Smile's diagonal Gaussian for "diag").
 *
 * <p>Smile's API allows the same experiment as gmm's: an explicit start, {@code gamma = 0} (no
 * regularisation of the responsibilities, plain EM) and a fixed iteration count, because its loop
 * runs while {@code iter <= maxIter && change > tol} and a tol of −∞ never stops it. Seconds per
 * iteration = (t(I2) − t(I1)) / (I2 − I1) as for the other peers. One Smile iteration is an E-step, an
 * M-step and a second pass over the data for the log-likelihood of the new parameters: that is its
 * algorithm, and it is what is timed. Smile calls OpenBLAS through the FFM API, so the fork needs
 * {@code libopenblas.so} on the library path ({@code apt-get install libopenblas-dev}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
public class SmileBenchmark {

    @Param({"W1", "W2", "W3", "W4"})
    public String workload;

    @Param({"full", "diag"})
    public String covariance;

    @Param({"1", "4"})
    public int iterations;

    private double[][] rows;
    private Component[] start;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = Workload.load(workload);
        rows = w.data().toArray();
        start = startOf(w, covariance);
    }

    /** The workload's explicit start as Smile components; "diag" uses Smile's diagonal Gaussian. */
    static Component[] startOf(Workload w, String covariance) {
        int k = w.weights().length;
        Component[] components = new Component[k];
        for (int c = 0; c < k; c++) {
            MultivariateGaussianDistribution gaussian = switch (covariance) {
                case "full" -> new MultivariateGaussianDistribution(w.means()[c].clone(),
                        DenseMatrix.of(w.covariances()[c]));
                case "diag" -> new MultivariateGaussianDistribution(w.means()[c].clone(),
                        w.diagonalVariances()[c].clone());
                default -> throw new IllegalArgumentException("covariance " + covariance
                        + " is not one Smile has: use full or diag");
            };
            components[c] = new Component(w.weights()[c], gaussian);
        }
        return components;
    }

    @Benchmark
    public MultivariateExponentialFamilyMixture smile() {
        return fit(rows, start, iterations);
    }

    /**
     * Exactly {@code iterations} EM iterations from {@code start}. Smile writes the new components into
     * the array it is given, so it gets a copy: every invocation starts from the same place.
     */
    static MultivariateExponentialFamilyMixture fit(double[][] rows, Component[] start, int iterations) {
        MultivariateExponentialFamilyMixture mixture = MultivariateExponentialFamilyMixture.fit(
                rows, start.clone(), 0.0, iterations, Double.NEGATIVE_INFINITY);
        // Only a NaN change in log-likelihood ends the loop early, and then L is not finite.
        if (!Double.isFinite(mixture.L)) {
            throw new IllegalStateException("Smile's EM produced log-likelihood " + mixture.L
                    + " before finishing " + iterations + " iterations");
        }
        return mixture;
    }
}
