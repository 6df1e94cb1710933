package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fit keeps no N×K matrix: besides the data, which it does not copy, it needs O(K·D²) per thread
 * (parameters, statistics, one block of scratch) and the per-chunk statistics of the ordered
 * reduction (at most 64 chunks, whatever N). Checked where it matters, in a heap that cannot hold
 * one: a child JVM with {@value #HEAP} of heap generates {@value #ROWS} × {@value #FEATURES} doubles
 * (32 MB) and fits {@value #COMPONENTS} components from an explicit start, where one N×K matrix of
 * doubles would be 128 MB. The second test shows that heap really is too small for one.
 *
 * <p>(An earlier version counted the bytes the fitting thread allocates. That also caught the SIMD
 * kernel boxing vectors — 37 to 77 MB of garbage per fit when C2 declined to inline a helper that
 * took a vector — but whether C2 inlines depends on what the JVM compiled before, so the count
 * changed from run to run of the same suite; garbage is not retained memory, which is what this
 * requirement is about.)
 */
class FitMemoryTest {
    static final int ROWS = 1_000_000;
    static final int FEATURES = 4;
    static final int COMPONENTS = 16;
    static final String HEAP = "112m";

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"full, float64", "tied, float64", "diag, float64", "spherical, float64", "full, float32"})
    void aFitRunsInAHeapTooSmallForOneRowsByComponentsMatrix(String covariance, String storage) throws Exception {
        ChildRun run = runChild(covariance, storage, "fit");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("iterations 5");
    }

    @Test
    void thatHeapCannotHoldTheDataAndOneRowsByComponentsMatrix() throws Exception {
        ChildRun run = runChild("full", "float64", "hold-matrix");
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("OutOfMemoryError");
    }

    record ChildRun(int exitCode, String output) {
    }

    private static ChildRun runChild(String covariance, String storage, String mode) throws IOException, InterruptedException {
        return runChild(HEAP, FitMemoryTest.class, covariance, storage, mode);
    }

    /** Runs {@code main}'s main method in a child JVM with {@code heap} of heap and this JVM's kernel. */
    static ChildRun runChild(String heap, Class<?> main, String... args) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classPath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx" + heap, "-XX:+UseSerialGC"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.add("-Dgmm.kernel=" + System.getProperty("gmm.kernel", "auto"));
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 5 minutes: " + output);
        }
        return new ChildRun(process.exitValue(), output);
    }

    /** The child: generates the data in place, then fits (or also holds an N×K matrix). */
    public static void main(String[] args) {
        String covariance = args[0];
        boolean float32 = args[1].equals("float32");
        SplittableRandom random = new SplittableRandom(5);
        DataMatrix x;
        if (float32) {
            float[] values = new float[ROWS * FEATURES];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() + (i / FEATURES % COMPONENTS) * 3);
            }
            x = DataMatrix.wrapFloat(values, ROWS, FEATURES);
        } else {
            double[] values = new double[ROWS * FEATURES];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian() + (i / FEATURES % COMPONENTS) * 3;
            }
            x = DataMatrix.wrap(values, ROWS, FEATURES);
        }
        if (args[2].equals("hold-matrix")) {
            double[] responsibilities = new double[ROWS * COMPONENTS];
            System.out.println("held " + responsibilities.length + " doubles besides " + x);
            return;
        }
        double[] weights = new double[COMPONENTS];
        java.util.Arrays.fill(weights, 1.0 / COMPONENTS);
        double[][] means = new double[COMPONENTS][FEATURES];
        for (int k = 0; k < COMPONENTS; k++) {
            for (int j = 0; j < FEATURES; j++) {
                means[k][j] = x.get(k, j);
            }
        }
        GaussianMixtureModel model = GaussianMixture.builder()
                .components(COMPONENTS)
                .covarianceType(covariance)
                .tol(0)
                .maxIter(5)
                .weightsInit(weights)
                .meansInit(means)
                .precisionsInit(EmBehaviourTest.identityPrecisions(covariance, COMPONENTS, FEATURES))
                .build()
                .fit(x);
        System.out.println("kernel " + model.report().kernel() + ", iterations " + model.report().iterations());
    }
}
