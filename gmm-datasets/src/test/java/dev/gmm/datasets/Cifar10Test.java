package dev.gmm.datasets;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CIFAR-10 binary batches written by the test. */
class Cifar10Test {
    @TempDir
    Path dir;

    private static byte[] batch(int... labels) {
        byte[] b = new byte[labels.length * Cifar10.RECORD];
        for (int r = 0; r < labels.length; r++) {
            b[r * Cifar10.RECORD] = (byte) labels[r];
            for (int j = 0; j < 3072; j++) {
                b[r * Cifar10.RECORD + 1 + j] = (byte) (r + j);
            }
        }
        return b;
    }

    @Test
    void readsEveryBatchOfAFolderDataBatchesFirstWithTheMetaNames() throws IOException {
        Files.write(dir.resolve("data_batch_2.bin"), batch(9));
        Files.write(dir.resolve("data_batch_1.bin"), batch(3, 4));
        Files.write(dir.resolve("test_batch.bin"), batch(0));
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        Dataset d = Plugins.find(DatasetProvider.class, "cifar10").load(dir);
        assertThat(d.data().rows()).isEqualTo(4);
        assertThat(d.data().cols()).isEqualTo(3072);
        assertThat(d.labels()).containsExactly(3, 4, 9, 0);
        assertThat(d.labelNames()).startsWith("a", "b");
        assertThat(d.data().get(1, 1024)).isEqualTo((1 + 1024) & 0xFF);
        assertThat(Cifar10.read(dir.resolve("test_batch.bin")).labels()).containsExactly(0);
    }

    @Test
    void truncatedFilesAndBadLabelsAreRefused() throws IOException {
        byte[] b = batch(1, 2);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> Cifar10.read(cut)).isInstanceOf(IOException.class).hasMessageContaining("cut.bin")
                .hasMessageContaining("byte offset 3073");
        Path bad = dir.resolve("bad.bin");
        Files.write(bad, batch(1, 12));
        assertThatThrownBy(() -> Cifar10.read(bad)).hasMessageContaining("label 12");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Cifar10.read(empty)).hasMessageContaining("no .bin batch");
        Path zero = dir.resolve("zero.bin");
        Files.write(zero, new byte[0]);
        assertThatThrownBy(() -> Cifar10.read(zero)).hasMessageContaining("has 0 bytes");
    }

    @Test
    void aFolderWithAnyOtherBatchFileReadsItAfterTheNumberedBatchesInNumericOrder() throws IOException {
        Files.write(dir.resolve("first200_cifar10_binary_format.bin"), batch(5, 6));
        assertThat(Cifar10.read(dir).labels()).containsExactly(5, 6);
        Files.write(dir.resolve("data_batch_10.bin"), batch(1));
        Files.write(dir.resolve("data_batch_2.bin"), batch(2));
        assertThat(Cifar10.read(dir).labels()).containsExactly(2, 1, 5, 6);
    }

    @Test
    void readsAFolderOfPngsWithALabelsCsvInTheBinaryLayout() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 0, (10 << 16) | (20 << 8) | 30);
        javax.imageio.ImageIO.write(img, "png", dir.resolve("1.png").toFile());
        Files.writeString(dir.resolve("trainLabels.csv"), "id,label\n1.png,frog\n");
        Dataset d = Cifar10.read(dir);
        assertThat(d.labels()).containsExactly(6);
        assertThat(d.data().get(0, 1)).isEqualTo(10);
        assertThat(d.data().get(0, 1025)).isEqualTo(20);
        assertThat(d.data().get(0, 2049)).isEqualTo(30);
        assertThat(Cifar10.read(dir.resolve("trainLabels.csv")).labels()).containsExactly(6);
        Files.writeString(dir.resolve("trainLabels.csv"), "1,3\n1.png,unicorn\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("line 2").hasMessageContaining("unicorn");
        Files.writeString(dir.resolve("trainLabels.csv"), "1,3\n2.png,cat\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("2.png")
                .hasMessageContaining("trainLabels.csv line 2").hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("trainLabels.csv"), "1,3,x\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("line 1")
                .hasMessageContaining("expected 2 cells");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", dir.resolve("small.png").toFile());
        Files.writeString(dir.resolve("trainLabels.csv"), "small,cat\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("16 x 32");
    }

    @Test
    void aMistypedClassOnTheFirstLineOfTheLabelsCsvIsAnErrorNotAHeader() throws IOException {
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", dir.resolve("1.png").toFile());
        Files.writeString(dir.resolve("trainLabels.csv"), "1.png,frgo\n1.png,frog\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("line 1").hasMessageContaining("frgo");
        Files.writeString(dir.resolve("trainLabels.csv"), "1,frgo\n1,frog\n");
        assertThatThrownBy(() -> Cifar10.readPngFolder(dir)).hasMessageContaining("line 1").hasMessageContaining("frgo");
    }

    @Test
    void aMetaFileThatIsNotUtf8IsNamedWithTheProblem() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[3073]);
        Files.write(dir.resolve("batches.meta.txt"), new byte[] {'c', 'a', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Cifar10.read(dir)).hasMessageContaining("batches.meta.txt")
                .hasMessageContaining("not UTF-8");
    }
}
