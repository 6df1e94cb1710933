package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A matrix over a memory segment (a mapped file, in practice) is read by the kernels exactly as an
 * array is: the same fit from the same start gives the same model bit for bit, with the k-means
 * start too, on every covariance type, for float64 and float32 storage, on sizes that leave partial
 * blocks and partial 8 × 8 tiles. The suite runs once per kernel (gmm-core's pom), so both kernels
 * are held to this.
 */
class OffHeapDataMatrixTest {
    /** 9 features (one 8 × 8 tile plus one), 1,000 + 3 rows (partial 256-row blocks and 8-row tiles). */
    private static final int ROWS = 1003;
    private static final int COLS = 9;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"full, float64", "tied, float64", "diag, float64", "spherical, float64",
            "full, float32", "tied, float32", "diag, float32", "spherical, float32"})
    void aFitOverASegmentIsTheFitOverTheArrayBitForBit(String covariance, String storage) {
        boolean float32 = storage.equals("float32");
        DataMatrix heap = mixture(ROWS, COLS, 3, float32);
        try (Arena arena = Arena.ofShared()) {
            DataMatrix offHeap = DataMatrix.wrapSegment(copyToSegment(heap, arena), ROWS, COLS, float32);
            assertThat(offHeap.isOffHeap()).isTrue();
            assertThat(offHeap.isFloat32()).isEqualTo(float32);
            GaussianMixture config = GaussianMixture.builder().components(3).covarianceType(covariance).seed(4)
                    .tol(1e-8).maxIter(50).threads(2).build();

            GaussianMixtureModel fromArray = config.fit(heap);
            GaussianMixtureModel fromSegment = config.fit(offHeap);

            assertThat(fromSegment.report().iterations()).isEqualTo(fromArray.report().iterations()).isGreaterThan(1);
            assertThat(fromSegment.report().lowerBoundTrace()).isEqualTo(fromArray.report().lowerBoundTrace());
            assertThat(fromSegment.weights()).isEqualTo(fromArray.weights());
            assertThat(fromSegment.means()).isDeepEqualTo(fromArray.means());
            assertThat(fromSegment.covariances().values()).isEqualTo(fromArray.covariances().values());
            assertThat(fromSegment.scoreSamples(offHeap)).isEqualTo(fromArray.scoreSamples(heap));
            assertThat(fromSegment.predict(offHeap)).isEqualTo(fromArray.predict(heap));
        }
    }

    @Test
    void rowsReadFromTheSegmentAreTheArraysRows() {
        DataMatrix heap = mixture(40, 5, 2, true);
        try (Arena arena = Arena.ofShared()) {
            DataMatrix offHeap = DataMatrix.wrapSegment(copyToSegment(heap, arena), 40, 5, true);
            assertThat(offHeap.get(17, 3)).isEqualTo(heap.get(17, 3));
            assertThat(offHeap.row(39)).isEqualTo(heap.row(39));
            double[] rows = new double[3 * 5 + 1];
            offHeap.copyRows(10, 3, rows, 1);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    assertThat(rows[1 + i * 5 + j]).isEqualTo(heap.get(10 + i, j));
                }
            }
            DataMatrix range = offHeap.rowRange(5, 9);
            assertThat(range.isOffHeap()).isFalse();
            assertThat(range.floatValues()).isEqualTo(heap.rowRange(5, 9).floatValues());
            assertThat(offHeap.toFloat64().values()).isEqualTo(heap.toFloat64().values());
            assertThat(offHeap.toFloat32().floatValues()).isEqualTo(heap.floatValues());
            assertThat(offHeap.selectRows(new int[] {3, 1}).toArray()).isDeepEqualTo(heap.selectRows(new int[] {3, 1}).toArray());
            assertThat(offHeap).hasToString("DataMatrix[40 x 5, float32, off-heap]");
        }
    }

    @Test
    void aSegmentMatrixHasNoBackingArrayAndSaysHowToReadIt() {
        try (Arena arena = Arena.ofShared()) {
            DataMatrix offHeap = DataMatrix.wrapSegment(arena.allocate(8L * 6), 3, 2, false);
            assertThatThrownBy(offHeap::values).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("memory segment").hasMessageContaining("toFloat64()");
            assertThatThrownBy(offHeap::floatValues).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("memory segment");
            assertThatThrownBy(() -> offHeap.copyRows(2, 2, new double[4], 0))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[2, 4)");
        }
    }

    @Test
    void aSegmentOfTheWrongSizeIsRefusedWithTheSizeItNeeds() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment twelveBytes = arena.allocate(12);
            assertThatThrownBy(() -> DataMatrix.wrapSegment(twelveBytes, 2, 2, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("12 bytes").hasMessageContaining("need 32");
            assertThatThrownBy(() -> DataMatrix.wrapSegment(twelveBytes, 0, 3, true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 3)");
            try (Arena confined = Arena.ofConfined()) {
                MemorySegment oneThread = confined.allocate(8);
                assertThatThrownBy(() -> DataMatrix.wrapSegment(oneThread, 1, 1, false))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Arena.ofShared()");
            }
            assertThatThrownBy(() -> DataMatrix.wrapSegment(null, 1, 1, true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment is null");
        }
    }

    @Test
    void aNonFiniteValueInTheSegmentIsNamedLikeOneInAnArray() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8L * 6);
            s.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 5, Double.NaN);
            DataMatrix offHeap = DataMatrix.wrapSegment(s, 3, 2, false);
            assertThatThrownBy(() -> offHeap.requireFinite("X")).hasMessageContaining("NaN at row 2, column 1");
        }
    }

    /** Three well-separated Gaussian blobs, rows in blob order. */
    static DataMatrix mixture(int rows, int cols, int centres, boolean float32) {
        SplittableRandom random = new SplittableRandom(11);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            int centre = (i / cols) % centres;
            v[i] = random.nextGaussian() * (1 + (i % cols) * 0.1) + centre * 4.0 * ((i % cols) % 2 == 0 ? 1 : -1);
        }
        DataMatrix m = DataMatrix.wrap(v, rows, cols);
        return float32 ? m.toFloat32() : m;
    }

    /** The matrix's values as little-endian bytes in a native segment, as a mapped .npy file holds them. */
    static MemorySegment copyToSegment(DataMatrix m, Arena arena) {
        long n = (long) m.rows() * m.cols();
        MemorySegment s = arena.allocate(n * (m.isFloat32() ? 4 : 8), 64);
        for (long i = 0; i < n; i++) {
            double v = m.get((int) (i / m.cols()), (int) (i % m.cols()));
            if (m.isFloat32()) {
                s.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, (float) v);
            } else {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i, v);
            }
        }
        return s;
    }
}
