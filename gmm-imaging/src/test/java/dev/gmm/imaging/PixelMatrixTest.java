package dev.gmm.imaging;

import dev.gmm.imaging.internal.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PixelMatrixTest {

    @TempDir
    Path dir;

    @Test
    void rgbPixelsSurviveTheRoundTripExactly() {
        int[] argb = SyntheticImages.shapes(37, 23, 0.05, 1);
        var pixels = PixelMatrix.fromArgb(argb, 37, 23, PixelMatrix.Encoding.RGB);

        assertThat(pixels.data().rows()).isEqualTo(37 * 23);
        assertThat(pixels.data().cols()).isEqualTo(3);
        assertThat(PixelMatrix.toArgb(pixels.data(), 37, 23, 3)).containsExactly(argb);
    }

    @Test
    void channelsAreScaledToUnitIntervalInRgbOrder() {
        var pixels = PixelMatrix.fromArgb(new int[]{0xff336699}, 1, 1, PixelMatrix.Encoding.RGB);

        assertThat(pixels.data().row(0)).containsExactly(new double[]{0x33 / 255.0, 0x66 / 255.0, 0x99 / 255.0},
                within(1e-15));
    }

    @Test
    void positionColumnsAreScaledToUnitIntervalAndWeighted() {
        int[] argb = new int[5 * 3];
        var pixels = PixelMatrix.fromArgb(argb, 5, 3, new PixelMatrix.Encoding(true, 0.5));

        assertThat(pixels.data().cols()).isEqualTo(3);
        // last pixel (x = 4, y = 2) sits at (1, 1) scaled, times the weight
        assertThat(pixels.data().row(14)).containsExactly(new double[]{0, 0.5, 0.5}, within(1e-15));
        // pixel (x = 2, y = 1)
        assertThat(pixels.data().row(7)).containsExactly(new double[]{0, 0.25, 0.25}, within(1e-15));
    }

    @Test
    void greyRoundTripKeepsGreyPixels() {
        int[] argb = {0xff000000, 0xff808080, 0xffffffff, 0xff101010};
        var pixels = PixelMatrix.fromArgb(argb, 2, 2, PixelMatrix.Encoding.GREY);

        assertThat(PixelMatrix.toArgb(pixels.data(), 2, 2, 1)).containsExactly(argb);
    }

    @Test
    void pngFileRoundTripsThroughImageIo() throws IOException {
        int[] argb = SyntheticImages.shapes(20, 10, 0.1, 2);
        Path file = dir.resolve("shapes.png");
        ImageIO.write(PixelMatrix.fromArgb(argb, 20, 10), "png", file.toFile());

        var pixels = PixelMatrix.read(file, PixelMatrix.Encoding.RGB);

        assertThat(pixels.width()).isEqualTo(20);
        assertThat(pixels.height()).isEqualTo(10);
        assertThat(PixelMatrix.toArgb(pixels.data(), 20, 10, 3)).containsExactly(argb);
    }

    @Test
    void missingFileIsAnErrorNamingTheFile() {
        Path file = dir.resolve("nowhere.png");
        assertThatThrownBy(() -> PixelMatrix.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("no such file");
    }

    @Test
    void corruptFileIsAnErrorNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("corrupt.png"), "this is not an image");
        assertThatThrownBy(() -> PixelMatrix.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("PNG, JPEG or BMP");
    }

    @Test
    void truncatedPngIsAnErrorNamingTheFile() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(PixelMatrix.fromArgb(SyntheticImages.shapes(40, 40, 0.1, 3), 40, 40), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> PixelMatrix.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void truncatedJpegIsAnErrorRatherThanAPartlyGreyImage() throws IOException {
        Path good = dir.resolve("good.jpg");
        ImageIO.write(PixelMatrix.fromArgb(SyntheticImages.shapes(120, 80, 0.1, 4), 120, 80), "jpg", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("truncated.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(PixelMatrix.read(good).getWidth()).isEqualTo(120); // the whole file reads
        assertThatThrownBy(() -> PixelMatrix.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated or damaged");
    }

    @Test
    void emptyFileIsAnErrorNamingTheFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        assertThatThrownBy(() -> PixelMatrix.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void imageWithoutPixelsIsRejected() {
        assertThatThrownBy(() -> PixelMatrix.fromArgb(new int[0], 0, 0, PixelMatrix.Encoding.RGB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one pixel");
    }

    @Test
    void negativePositionWeightIsRejected() {
        assertThatThrownBy(() -> new PixelMatrix.Encoding(false, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positionWeight = -1");
    }
}
