package dev.gmm.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .npy files as NumPy writes them (src/test/resources/dev/gmm/datasets/npy, see its README) are read
 * and mapped to the same values; every kind of file gmm cannot map is refused with a message naming
 * the file, what it holds and what was expected; what the writer writes reads back; a file changed
 * while mapped is noticed.
 */
class NpyTest {
    private static final Path NPY = Path.of("src/test/resources/dev/gmm/datasets/npy");
    private static final double[][] X = {{1.5, -2.25, 3.0}, {4.0, 5.5, -6.125}, {7.0, 8.0, 9.0e10}, {0.1, 0.2, 0.3}};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"f8-v1.npy", "f8-v2.npy", "f8-v3.npy"})
    void numpysFloat64FilesOfEveryVersionReadAndMapToTheSameValues(String name) throws IOException {
        Path file = NPY.resolve(name);
        assertThat(Npy.info(file)).isEqualTo(new Npy.Info(4, 3, false, Integer.parseInt(name.substring(4, 5))));
        DataMatrix read = Npy.read(file);
        assertThat(read.isFloat32()).isFalse();
        assertThat(read.toArray()).isDeepEqualTo(X);
        try (MappedNpy mapped = Npy.map(file)) {
            assertThat(mapped.data().isOffHeap()).isTrue();
            assertThat(mapped.data().toArray()).isDeepEqualTo(X);
            mapped.checkUnchanged();
        }
    }

    @Test
    void float32AndOneDimensionalFilesRead() throws IOException {
        DataMatrix f4 = Npy.read(NPY.resolve("f4-v1.npy"));
        assertThat(f4.isFloat32()).isTrue();
        assertThat(f4.get(1, 2)).isEqualTo((double) (float) -6.125);
        assertThat(f4.get(3, 0)).isEqualTo((double) 0.1f);
        DataMatrix column = Npy.read(NPY.resolve("column-f8.npy"));
        assertThat(column.rows()).isEqualTo(4);
        assertThat(column.cols()).isEqualTo(1);
        assertThat(column.get(2, 0)).isEqualTo(7.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fortran.npy|Fortran (column-major) order|numpy.ascontiguousarray",
            "big-endian.npy|big-endian floats ('>f8')|x.astype('<f8')",
            "int64.npy|dtype '<i8'|expected '<f8' (float64) or '<f4' (float32)",
            "three-d.npy|shape (2, 2, 2)|expected a 2-D array",
            "truncated.npy|is truncated|only 91 bytes follow the header",
            "shape-too-long.npy|is truncated: its header says shape (5, 3)|120 bytes of values",
            "shape-too-short.npy|the header does not describe the data|expected exactly 72 bytes"})
    void whatGmmCannotMapIsRefusedNamingTheFileAndWhatWasExpected(String name, String problem, String expected) {
        Path file = NPY.resolve(name);
        for (ThrowingRead read : new ThrowingRead[] {Npy::read, Npy::map, Npy::info}) {
            assertThatThrownBy(() -> read.apply(file)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file.toString()).hasMessageContaining(problem).hasMessageContaining(expected);
        }
    }

    private interface ThrowingRead {
        Object apply(Path file) throws IOException;
    }

    @Test
    void headersOfOtherVersionsAndOtherFilesAreRefused() throws IOException {
        byte[] good = Files.readAllBytes(NPY.resolve("f8-v1.npy"));
        byte[] v4 = good.clone();
        v4[6] = 4;
        assertThatThrownBy(() -> Npy.read(FuzzTargets.write(dir.resolve("v4.npy"), v4)))
                .hasMessageContaining("format version 4.0 is not supported; expected 1.0, 2.0 or 3.0");
        assertThatThrownBy(() -> Npy.read(FuzzTargets.write(dir.resolve("x.csv.npy"), "1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageContaining("is not a NumPy .npy file");
        byte[] noShape = new String(good, StandardCharsets.ISO_8859_1).replace("'shape'", "'shapo'")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.read(FuzzTargets.write(dir.resolve("noshape.npy"), noShape)))
                .hasMessageContaining("no 'shape' key");
        byte[] garbled = new String(good, StandardCharsets.ISO_8859_1).replace("False", "Fals?")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.read(FuzzTargets.write(dir.resolve("garbled.npy"), garbled)))
                .hasMessageContaining("cannot read the .npy header at character");
        byte[] hugeHeader = good.clone();
        hugeHeader[8] = (byte) 0xff;
        hugeHeader[9] = (byte) 0xff;
        assertThatThrownBy(() -> Npy.read(FuzzTargets.write(dir.resolve("huge.npy"), hugeHeader)))
                .hasMessageContaining("truncated inside its .npy header");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whatTheWriterWritesReadsBackAndNumpyCanLoadIt(boolean float32) throws IOException {
        DataMatrix x = DataMatrix.of(X);
        Path file = dir.resolve("out.npy");
        Npy.write(file, float32 ? x.toFloat32() : x);
        byte[] bytes = Files.readAllBytes(file);
        // the header numpy.save would write, padded to 128 bytes so the values are 64-byte aligned
        assertThat(new String(bytes, 10, 118, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '" + (float32 ? "<f4" : "<f8") + "', 'fortran_order': False, 'shape': (4, 3), }")
                .endsWith(" \n");
        assertThat(bytes).hasSize(128 + 12 * (float32 ? 4 : 8));
        DataMatrix back = Npy.read(file);
        assertThat(back.toArray()).isDeepEqualTo((float32 ? x.toFloat32() : x).toArray());
    }

    @Test
    void aStreamedWriteOfManyRowsCrossesItsBufferIntact() throws IOException {
        Path file = dir.resolve("many.npy");
        SplittableRandom random = new SplittableRandom(1);
        double[] row = new double[7];
        double checksum = 0;
        try (NpyWriter writer = Npy.writer(file, 7, false)) {
            for (int i = 0; i < 50_000; i++) {
                for (int j = 0; j < 7; j++) {
                    row[j] = random.nextGaussian();
                    checksum += row[j] * (j + 1);
                }
                writer.writeRow(row);
            }
            assertThat(writer.rows()).isEqualTo(50_000);
            assertThatThrownBy(() -> writer.writeRow(new double[3])).hasMessageContaining("every row needs 7");
        }
        try (MappedNpy mapped = Npy.map(file)) {
            double sum = 0;
            for (int i = 0; i < 50_000; i++) {
                for (int j = 0; j < 7; j++) {
                    sum += mapped.data().get(i, j) * (j + 1);
                }
            }
            assertThat(sum).isEqualTo(checksum);
        }
    }

    @Test
    void aMappedFileFitsLikeTheSameValuesOnTheHeap() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        double[] v = new double[3_000 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() + 5 * ((i / 5) % 3);
        }
        DataMatrix heap = DataMatrix.wrap(v, 3_000, 5).toFloat32();
        Path file = dir.resolve("fit.npy");
        Npy.write(file, heap);
        GaussianMixture config = GaussianMixture.builder().components(3).covarianceType("full").seed(3).build();
        try (MappedNpy mapped = Npy.map(file)) {
            GaussianMixtureModel fromFile = config.fit(mapped.data());
            GaussianMixtureModel fromHeap = config.fit(heap);
            assertThat(fromFile.means()).isDeepEqualTo(fromHeap.means());
            assertThat(fromFile.covariances().values()).isEqualTo(fromHeap.covariances().values());
            assertThat(fromFile.report().lowerBound()).isEqualTo(fromHeap.report().lowerBound());
        }
    }

    @Test
    void aFileRewrittenWhileMappedIsNoticedAndATruncatedOneFaultsOnRead() throws IOException {
        Path file = dir.resolve("changing.npy");
        double[] v = new double[4096 * 4];
        java.util.Arrays.fill(v, 1.0);
        Npy.write(file, DataMatrix.wrap(v, 4096, 4));
        try (MappedNpy mapped = Npy.map(file)) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
            assertThatThrownBy(mapped::checkUnchanged).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file.toString()).hasMessageContaining("changed while it was mapped");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(128);
            }
            // the last page is gone: the JVM turns the SIGBUS of reading it into an InternalError
            assertThatThrownBy(() -> mapped.data().get(4095, 3)).isInstanceOf(InternalError.class);
        }
    }
}
