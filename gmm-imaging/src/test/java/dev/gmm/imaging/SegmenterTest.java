package dev.gmm.imaging;

import dev.gmm.imaging.internal.SyntheticImages;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SegmenterTest {

    private static final int W = 60;
    private static final int H = 40;

    /** The two-colour disc with a little noise, so both regions have a proper covariance. */
    private static int[] noisyDisc(long seed) {
        int[] argb = SyntheticImages.twoColourDisc(W, H, 0xc83c28, 0x3c78c8);
        Random rnd = new Random(seed);
        for (int i = 0; i < argb.length; i++) {
            int p = 0xff000000;
            for (int shift = 0; shift <= 16; shift += 8) {
                int c = ((argb[i] >> shift) & 0xff) + (int) Math.round(6 * rnd.nextGaussian());
                p |= Math.max(0, Math.min(255, c)) << shift;
            }
            argb[i] = p;
        }
        return argb;
    }

    @Test
    void twoColourImageIsSplitIntoItsTwoRegions() {
        var pixels = PixelMatrix.fromArgb(noisyDisc(7), W, H, PixelMatrix.Encoding.RGB);
        boolean[] truth = SyntheticImages.discMask(W, H);

        for (String covariance : new String[]{"full", "tied", "diag", "spherical"}) {
            Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(2, covariance, 0));
            int agree = 0;
            for (int i = 0; i < truth.length; i++) {
                agree += (s.labels()[i] == 1) == truth[i] ? 1 : 0;
            }
            double agreement = Math.max(agree, truth.length - agree) / (double) truth.length;
            assertThat(agreement).as(covariance).isGreaterThanOrEqualTo(0.99);
            assertThat(s.report().k()).isEqualTo(2);
            assertThat(s.report().covarianceType()).isEqualTo(covariance);
            assertThat(s.report().bic()).isFinite();
            // noise sd 6/255 per channel: the recoloured image is off by about that much
            assertThat(s.report().mse()).isCloseTo(Math.pow(6 / 255.0, 2), within(2e-4));
        }
    }

    @Test
    void softMapHoldsTheLargestResponsibility() {
        var pixels = PixelMatrix.fromArgb(noisyDisc(8), W, H, PixelMatrix.Encoding.RGB);
        Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(2, "full", 0));

        assertThat(s.softMap()).hasSize(W * H);
        assertThat(java.util.Arrays.stream(s.softMap()).min().orElseThrow()).isGreaterThanOrEqualTo(0.5);
        assertThat(java.util.Arrays.stream(s.softMap()).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        assertThat(s.labelMap()).containsOnly(0xff000000 | s.palette()[0], 0xff000000 | s.palette()[1]);
    }

    @Test
    void exactTwoColourImageIsReproducedWithoutError() {
        int[] argb = SyntheticImages.twoColourDisc(W, H, 0xff0000, 0x0000ff);
        var pixels = PixelMatrix.fromArgb(argb, W, H, PixelMatrix.Encoding.RGB);

        Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(2, "tied", 0));

        assertThat(s.recoloured()).containsExactly(argb);
        assertThat(s.report().mse()).isZero();
        assertThat(s.report().psnr()).isInfinite();
    }

    @Test
    void kAboveTheNumberOfDistinctColoursIsCappedAndReported() {
        int[] argb = SyntheticImages.twoColourDisc(W, H, 0xff0000, 0x0000ff);
        var pixels = PixelMatrix.fromArgb(argb, W, H, PixelMatrix.Encoding.RGB);

        Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(5, "full", 0));

        assertThat(s.report().requestedK()).isEqualTo(5);
        assertThat(s.report().k()).isEqualTo(2);
        assertThat(s.report().note()).contains("K capped at 2").contains("2 distinct");
    }

    @Test
    void psnrAndMseMatchAKnownCase() {
        int[] black = new int[10];
        int[] grey = new int[10];
        java.util.Arrays.fill(black, 0xff000000);
        java.util.Arrays.fill(grey, 0xff333333); // 0x33 = 51 = 0.2 * 255

        double mse = Segmenter.mse(black, grey);

        assertThat(mse).isCloseTo(0.04, within(1e-12));
        assertThat(Segmenter.psnr(mse)).isCloseTo(10 * Math.log10(25), within(1e-12)); // 13.979 dB
        assertThat(Segmenter.psnr(0.01)).isCloseTo(20, within(1e-12));
    }

    @Test
    void unknownMethodIsAnErrorListingTheKnownOnes() {
        var pixels = PixelMatrix.fromArgb(noisyDisc(1), W, H, PixelMatrix.Encoding.RGB);
        var settings = new Segmenter.Settings("no-such-method", 2, "full", 0, Map.of());

        assertThatThrownBy(() -> Segmenter.segment(pixels, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-method")
                .hasMessageContaining("gmm");
    }

    @Test
    void zeroSegmentsIsRejected() {
        assertThatThrownBy(() -> Segmenter.Settings.gmm(0, "full", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 0");
    }

    @Test
    void weightedPositionsMakeSegmentsSpatiallyCompact() {
        // grey noise: by colour alone the two segments are salt and pepper; with the positions weighted
        // heavily they become two regions that meet along one line
        Random rnd = new Random(9);
        int[] argb = new int[W * H];
        for (int i = 0; i < argb.length; i++) {
            int g = 128 + (int) Math.round(10 * rnd.nextGaussian());
            argb[i] = 0xff000000 | g << 16 | g << 8 | g;
        }
        Segmentation byColour = Segmenter.segment(PixelMatrix.fromArgb(argb, W, H, PixelMatrix.Encoding.RGB),
                Segmenter.Settings.gmm(2, "full", 0));
        Segmentation byPlace = Segmenter.segment(PixelMatrix.fromArgb(argb, W, H, new PixelMatrix.Encoding(false,
                100)), Segmenter.Settings.gmm(2, "full", 0));

        assertThat(neighboursThatDiffer(byColour.labels())).isGreaterThan(0.2);
        // a straight boundary across a 60 x 40 image cuts at most about 100 of its 4,700 neighbour pairs
        assertThat(neighboursThatDiffer(byPlace.labels())).isLessThan(0.03);
    }

    /** Fraction of horizontally or vertically adjacent pixel pairs with different labels. */
    private static double neighboursThatDiffer(int[] labels) {
        int differ = 0;
        int pairs = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (x + 1 < W) {
                    pairs++;
                    differ += labels[y * W + x] != labels[y * W + x + 1] ? 1 : 0;
                }
                if (y + 1 < H) {
                    pairs++;
                    differ += labels[y * W + x] != labels[(y + 1) * W + x] ? 1 : 0;
                }
            }
        }
        return differ / (double) pairs;
    }

    @Test
    void singleColourImageFallsBackToOneSegmentAndIsReproducedExactly() {
        int[] argb = new int[W * H];
        java.util.Arrays.fill(argb, 0xff2050a0);
        var pixels = PixelMatrix.fromArgb(argb, W, H, PixelMatrix.Encoding.RGB);

        for (String covariance : new String[]{"full", "tied", "diag", "spherical"}) {
            Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(8, covariance, 0));

            assertThat(s.report().k()).isEqualTo(1);
            assertThat(s.report().note()).contains("K capped at 1");
            assertThat(s.recoloured()).containsExactly(argb);
            assertThat(s.report().bic()).isFinite();
        }
    }

    @Test
    void onePixelImageIsSegmentedIntoOneSegment() {
        var pixels = PixelMatrix.fromArgb(new int[]{0xff808080}, 1, 1, PixelMatrix.Encoding.RGB);

        Segmentation s = Segmenter.segment(pixels, Segmenter.Settings.gmm(2, "full", 0));

        assertThat(s.report().k()).isEqualTo(1);
        assertThat(s.labels()).containsExactly(0);
        assertThat(s.report().mse()).isZero();
    }
}
