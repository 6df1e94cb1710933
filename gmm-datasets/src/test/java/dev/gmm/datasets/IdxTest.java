package dev.gmm.datasets;

import dev.gmm.core.spi.Dataset;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.DatasetProvider;
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
        assertThatThrownBy(() -> Idx.readImages(shortHeader)).hasMessageContaining("byte offset 4");
        Path lab = write("l", labels(1, 2), false);
        assertThatThrownBy(() -> Idx.readImages(lab)).hasMessageContaining("magic number 0x801");
        Path img = write("i", good, false);
        assertThatThrownBy(() -> Idx.read("x", img, lab, List.of())).hasMessageContaining("3 images")
                .hasMessageContaining("2 labels");
    }

    @Test
    void theMnistProviderFindsTheFilesInAFolder() throws IOException {
        write("t10k-images-idx3-ubyte.gz", images(2, 2, 2), true);
        write("t10k-labels-idx1-ubyte.gz", labels(4, 5), true);
        DatasetProvider p = Plugins.find(DatasetProvider.class, "mnist");
        assertThat(p.requiresPath()).isTrue();
        Dataset d = p.load(dir);
        assertThat(d.labels()).containsExactly(4, 5);
        assertThat(d.labelNames()).hasSize(10);
        assertThatThrownBy(() -> p.load(null)).hasMessageContaining("give its path");
    }
}
