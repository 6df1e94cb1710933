package dev.gmm.bench;

import dev.gmm.core.DataMatrix;
import dev.gmm.metrics.ClusteringMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The exact silhouette score (issue 4: 50,000 × 16 must take seconds, not minutes). Five Gaussian
 * blobs with labels from the generating blob; the check on the score keeps a broken metric from
 * looking fast.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class SilhouetteBenchmark {
    @Param({"50000"})
    int rows;
    @Param({"16"})
    int features;

    private DataMatrix data;
    private int[] labels;

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[rows * features];
        labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(5);
            for (int j = 0; j < features; j++) {
                x[i * features + j] = 6 * ((labels[i] + j) % 5) + random.nextGaussian();
            }
        }
        data = DataMatrix.wrap(x, rows, features);
    }

    @Benchmark
    public double silhouetteScore() {
        double s = ClusteringMetrics.silhouetteScore(data, labels);
        if (!(s > 0.3 && s <= 1)) {
            throw new IllegalStateException("silhouette " + s + " is not plausible for well-separated blobs");
        }
        return s;
    }
}
