package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The heap a fit over a mapped file needs does not grow with the file: a child JVM with
 * {@value #HEAP} of heap maps a generated float32 file of 1M and of 4M rows × {@value #FEATURES}
 * features (64 and 256 MB, both larger than the heap, the second 4 × the first) and fits
 * {@value #COMPONENTS} components from a {@link SampledStart} of {@value #SAMPLE} rows, k-means on
 * the sample and then EM on every row. An array of the file's values could not even be allocated
 * there; the kernels copy one block of rows at a time out of the mapping.
 */
class OffHeapFitMemoryTest {
    static final int FEATURES = 16;
    static final int COMPONENTS = 8;
    static final int SAMPLE = 50_000;
    static final String HEAP = "48m";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} rows, {1}")
    @CsvSource({"1000000, diag", "4000000, diag", "4000000, full"})
    void aMappedFileLargerThanTheHeapFitsInABoundedHeap(int rows, String covariance) throws Exception {
        Path file = dir.resolve("x.f32");
        writeFloats(file, rows);
        assertThat(Files.size(file)).isGreaterThan(48L << 20);

        FitMemoryTest.ChildRun run = FitMemoryTest.runChild(HEAP, OffHeapFitMemoryTest.class, file.toString(),
                Integer.toString(rows), covariance);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("iterations 3").contains("off-heap");
    }

    /** Rows from COMPONENTS blobs, little-endian float32, written a buffer at a time. */
    private static void writeFloats(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        ByteBuffer buffer = ByteBuffer.allocate(FEATURES * 4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < rows; i++) {
                int c = random.nextInt(COMPONENTS);
                for (int j = 0; j < FEATURES; j++) {
                    buffer.putFloat((float) (random.nextGaussian() + 6.0 * ((c + j) % COMPONENTS)));
                }
                if (!buffer.hasRemaining()) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    /** The child: maps the file, starts from a sample, runs 3 EM iterations over every row. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofShared()) {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            DataMatrix x = DataMatrix.wrapSegment(mapped, rows, FEATURES, true);
            GaussianMixture config = GaussianMixture.builder().components(COMPONENTS).covarianceType(args[2])
                    .tol(0).maxIter(3).seed(2).build();
            GaussianMixtureModel model = SampledStart.of(config, x, SAMPLE).fit(x);
            System.out.println(x + ": kernel " + model.report().kernel() + ", iterations " + model.report().iterations()
                    + ", lower bound " + model.report().lowerBound());
        }
    }
}
