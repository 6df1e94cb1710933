package dev.gmm.imaging.internal;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSetsTest {

    @TempDir
    Path dir;

    @Test
    void sampleIsSortedDistinctAndReproducible() {
        int[] a = ImageSets.sample(1000, 50, 7);

        assertThat(a).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[49]).isLessThan(1000);
        assertThat(ImageSets.sample(1000, 50, 7)).containsExactly(a);
        assertThat(ImageSets.sample(1000, 50, 8)).isNotEqualTo(a);
    }

    @Test
    void sampleOfAtLeastEverythingIsEverything() {
        assertThat(ImageSets.sample(5, 5, 1)).containsExactly(0, 1, 2, 3, 4);
        assertThat(ImageSets.sample(5, 9, 1)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void emptySampleOrEmptySetIsAnError() {
        assertThatThrownBy(() -> ImageSets.sample(5, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 0");
        assertThatThrownBy(() -> ImageSets.sample(0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no images");
    }

    @Test
    void channelMajorRowsBecomeRgbPixels() {
        // two pixels: R plane (10, 20), G plane (30, 40), B plane (50, 60)
        var data = DataMatrix.wrap(new double[]{10, 20, 30, 40, 50, 60}, 1, 6);

        assertThat(ImageSets.channelMajorToArgb(data, 0)).containsExactly(0xff0a1e32, 0xff14283c);
        assertThat(ImageSets.greyToArgb(DataMatrix.wrap(new double[]{0, 255, 300}, 1, 3), 0))
                .containsExactly(0xff000000, 0xffffffff, 0xffffffff);
    }

    @Test
    void folderHoldingAPngFolderWithLabelsCsvIsRead() throws IOException {
        // the layout of /work/shared/datasets/cifar10/kaggle_train_first200_png: PNGs and trainLabels.csv
        Path png = Files.createDirectories(dir.resolve("pngs"));
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        StringBuilder csv = new StringBuilder("id,label\n");
        for (int i = 0; i < colours.length; i++) {
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    image.setRGB(x, y, colours[i]);
                }
            }
            ImageIO.write(image, "png", png.resolve((i + 1) + ".png").toFile());
            csv.append(i + 1).append(",").append(new String[]{"frog", "truck", "ship"}[i]).append('\n');
        }
        Files.writeString(png.resolve("trainLabels.csv"), csv);

        var set = ImageSets.cifar(dir, 10, 0);

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.labels()).containsExactly(6, 9, 8);
        for (int i = 0; i < 3; i++) {
            int expected = 0xff000000 | colours[i];
            assertThat(Arrays.stream(set.images().get(i)).allMatch(p -> p == expected)).isTrue();
        }
    }

    @Test
    void missingPathIsAnErrorNamingIt() {
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> ImageSets.cifar(nowhere, 3, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining(nowhere.toString());
        assertThatThrownBy(() -> ImageSets.mnist(nowhere, 3, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining(nowhere.toString());
    }
}
