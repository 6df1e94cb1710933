package dev.gmm.datasets;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IDX files written by the test in the MNIST layout. */
class IdxTest {
    @TempDir
    Path dir;

    private static byte[] images(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    private static byte[] labels(int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(0x801).putInt(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        if (gzip) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(content);
            }
            content = bytes.toByteArray();
        }
        Files.write(p, content);
        return p;
    }

    @Test
    void readsRawAndGzippedImagesWithTheirLabels() throws IOException {
        Path raw = write("img", images(3, 2, 2), false);
        Path gz = write("img.gz", images(3, 2, 2), true);
        Path lab = write("lab.gz", labels(7, 0, 255), true);
        Dataset d = Idx.read("mnist", raw, lab, List.of());
        assertThat(d.data().rows()).isEqualTo(3);
        assertThat(d.data().cols()).isEqualTo(4);
        assertThat(d.data().get(1, 1)).isEqualTo((5 * 37) & 0xFF);
        assertThat(d.labels()).containsExactly(7, 0, 255);
        assertThat(Idx.readImages(gz).toArray()).isDeepEqualTo(d.data().toArray());
    }

    @Test
    void badFilesAreRefusedWithThePlace() throws IOException {
        byte[] good = images(3, 2, 2);
        Path truncated = write("t", Arrays.copyOf(good, good.length - 1), false);
        assertThatThrownBy(() -> Idx.readImages(truncated)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        Path shortHeader = write("h", Arrays.copyOf(good, 6), false);
        assertThatThrownBy(() -> Idx.readImages(shortHeader)).hasMessageContaining("truncated at byte 6")
                .hasMessageContaining("byte offset 4");
        Path lab = write("l", labels(1, 2), false);
        assertThatThrownBy(() -> Idx.readImages(lab)).hasMessageContaining("magic number 0x801");
        Path img = write("i", good, false);
        assertThatThrownBy(() -> Idx.read("x", img, lab, List.of())).hasMessageContaining("3 images")
                .hasMessageContaining("2 labels");
    }

    @Test
    void theMnistProviderReadsEverySplitOfAFolderTrainFirst() throws IOException {
        write("t10k-images-idx3-ubyte.gz", images(2, 2, 2), true);
        write("t10k-labels-idx1-ubyte.gz", labels(4, 5), true);
        write("train-images-idx3-ubyte", images(3, 2, 2), false);
        write("train-labels-idx1-ubyte.gz", labels(1, 2, 3), true);
        DatasetProvider p = Plugins.find(DatasetProvider.class, "mnist");
        assertThat(p.requiresPath()).isTrue();
        Dataset d = p.load(dir);
        assertThat(d.labels()).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.data().rows()).isEqualTo(5);
        assertThat(d.data().get(3, 1)).isEqualTo(37);
        assertThat(d.labelNames()).hasSize(10);
        assertThat(p.load(dir.resolve("t10k-images-idx3-ubyte.gz")).labels()).containsExactly(4, 5);
        Path dotted = Files.createDirectory(dir.resolve("dotted"));
        Files.write(dotted.resolve("t10k-images.idx3-ubyte"), images(1, 2, 2));
        Files.write(dotted.resolve("t10k-labels.idx1-ubyte"), labels(8));
        assertThat(p.load(dotted).labels()).containsExactly(8);
        assertThatThrownBy(() -> p.load(null)).hasMessageContaining("give its path");
    }

    @Test
    void aFolderWithoutImagesOrASplitWithoutLabelsIsRefused() throws IOException {
        DatasetProvider p = Plugins.find(DatasetProvider.class, "fashion-mnist");
        assertThatThrownBy(() -> p.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("train-images-idx3-ubyte");
        write("t10k-images-idx3-ubyte.gz", images(2, 2, 2), true);
        assertThatThrownBy(() -> p.load(dir)).hasMessageContaining("no labels file")
                .hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void aLabelOutsideTheClassesIsRefusedWithItsByteOffset() throws IOException {
        Path img = write("i", images(3, 2, 2), false);
        Path lab = write("l", labels(7, 0, 10), false);
        assertThatThrownBy(() -> Idx.read("mnist", img, lab, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")))
                .isInstanceOf(IOException.class).hasMessageContaining("byte offset 10").hasMessageContaining("label 10");
    }

    @Test
    void headersThatDisagreeWithTheDataAreRefusedWithoutAllocatingTheirPromise() throws IOException {
        byte[] huge = ByteBuffer.allocate(20).putInt(0x803).putInt(60_000).putInt(28).putInt(28).putInt(0).array();
        assertThatThrownBy(() -> Idx.readImages(write("huge", huge, false))).isInstanceOf(IOException.class)
                .hasMessageContaining("60000 images of 28 x 28").hasMessageContaining("the file has 20 bytes");
        assertThatThrownBy(() -> Idx.readImages(write("huge.gz", huge, true)))
                .hasMessageContaining("60000 images of 28 x 28").hasMessageContaining("more than a gzip file of");
        byte[] fewer = ByteBuffer.allocate(20).putInt(0x803).putInt(100).putInt(2).putInt(2).putInt(7).array();
        assertThatThrownBy(() -> Idx.readImages(write("fewer.gz", fewer, true)))
                .hasMessageContaining("truncated at byte 20").hasMessageContaining("end at byte 416");
        ByteBuffer overflow = ByteBuffer.allocate(16).putInt(0x803).putInt(Integer.MAX_VALUE).putInt(65536).putInt(65536);
        assertThatThrownBy(() -> Idx.readImages(write("overflow", overflow.array(), false)))
                .hasMessageContaining("more than one Java array holds");
        ByteBuffer none = ByteBuffer.allocate(16).putInt(0x803).putInt(0).putInt(28).putInt(28);
        assertThatThrownBy(() -> Idx.readImages(write("none", none.array(), false)))
                .hasMessageContaining("byte offset 4").hasMessageContaining("image count 0");
        byte[] good = images(2, 2, 2);
        Path longer = write("longer", Arrays.copyOf(good, good.length + 3), false);
        assertThatThrownBy(() -> Idx.readImages(longer)).hasMessageContaining("more bytes after byte 24");
        ByteBuffer negative = ByteBuffer.allocate(8).putInt(0x801).putInt(-5);
        assertThatThrownBy(() -> Idx.readLabels(write("negative", negative.array(), false)))
                .hasMessageContaining("label count -5");
    }

    @Test
    void aCorruptGzipStreamNamesTheFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(images(50, 4, 4));
        }
        byte[] gz = bytes.toByteArray();
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2), false);
        assertThatThrownBy(() -> Idx.readImages(cut)).isInstanceOf(IOException.class).hasMessageContaining("cut.gz");
        Path header = write("header.gz", new byte[] {0x1f, (byte) 0x8b, 1}, false);
        assertThatThrownBy(() -> Idx.readImages(header)).hasMessageContaining("header.gz").hasMessageContaining("gzip");
    }
}
