package dev.gmm.imaging;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.Experiment;
import dev.gmm.core.spi.ExperimentContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Experiment {@code segment-mnist}: foreground/background segmentation of 28x28 grey digit images by
 * a 2-component GMM on the grey values, scored by pixel accuracy against the stroke mask. Until the
 * MNIST loader of gmm-datasets is wired in, it runs on generated seven-segment style digits with
 * blurred edges and noise (option "n", default 50 images).
 */
public final class SegmentDigitsExperiment implements Experiment {

    private static final int SIZE = 28;

    @Override
    public String name() {
        return "segment-mnist";
    }

    @Override
    public String description() {
        return "Foreground/background segmentation of digit images by a 2-component GMM (generated digits)";
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        if (context.data() != null) {
            throw new IllegalArgumentException("segment-mnist --data " + context.data()
                    + ": reading MNIST files is not wired in yet; run without data to use generated digits");
        }
        int n = SegmentImageExperiment.parsePositiveInts("n", context.option("n", "50")).getFirst();
        Random rnd = new Random(context.seed());
        var result = ExperimentResult.builder(name(), "Digit foreground/background by GMM (generated digits)");
        List<List<Object>> rows = new ArrayList<>();
        double sum = 0;
        double worst = 1;
        context.progress().start("segment digits", n);
        for (int i = 0; i < n; i++) {
            int digit = i % 10;
            boolean[] mask = new boolean[SIZE * SIZE];
            int[] argb = digitImage(digit, rnd, mask);
            var pixels = PixelMatrix.fromArgb(argb, SIZE, SIZE, PixelMatrix.Encoding.GREY);
            Segmentation s = Segmenter.segment(pixels, new Segmenter.Settings("gmm", 2, "full", context.seed() + i,
                    Map.of()));
            double accuracy = foregroundAccuracy(pixels, s.labels(), mask);
            sum += accuracy;
            worst = Math.min(worst, accuracy);
            rows.add(List.of(i, digit, accuracy, s.report().psnr()));
            if (i < 10) {
                result.picture(new ExperimentResult.Picture("digit " + digit, SIZE, SIZE, argb));
                result.picture(new ExperimentResult.Picture("digit " + digit + " labels", SIZE, SIZE, s.labelMap()));
            }
            context.progress().advance(1);
        }
        context.progress().finish();
        return result.summary(n + " generated digits, each split into stroke and background by a 2-component GMM")
                .number("mean_pixel_accuracy", sum / n).number("min_pixel_accuracy", worst)
                .finding("mean pixel accuracy " + String.format("%.4f", sum / n) + ", worst " + String.format("%.4f", worst))
                .table(new ExperimentResult.Table("Per image", List.of("image", "digit", "pixel_accuracy", "psnr_db"),
                        rows))
                .build();
    }

    /** Accuracy with the brighter segment taken as foreground. */
    static double foregroundAccuracy(PixelMatrix.Pixels pixels, int[] labels, boolean[] mask) {
        double[] mean = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < labels.length; i++) {
            mean[labels[i]] += pixels.data().get(i, 0);
            count[labels[i]]++;
        }
        int fg = count[1] > 0 && (count[0] == 0 || mean[1] / count[1] > mean[0] / count[0]) ? 1 : 0;
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += (labels[i] == fg) == mask[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }

    /** Seven-segment strokes (a..g) lit for each digit. */
    private static final String[] SEGMENTS = {"abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc",
            "abcdefg", "abcdfg"};

    /** Draws a bright digit on a dark background with jitter and noise; fills the stroke mask. */
    static int[] digitImage(int digit, Random rnd, boolean[] mask) {
        int left = 8 + rnd.nextInt(3);
        int right = 18 + rnd.nextInt(3);
        int top = 4 + rnd.nextInt(2);
        int mid = 13 + rnd.nextInt(2);
        int bottom = 22 + rnd.nextInt(2);
        int t = 2;
        for (char seg : SEGMENTS[digit].toCharArray()) {
            switch (seg) {
                case 'a' -> fill(mask, left, top, right, top + t);
                case 'b' -> fill(mask, right - t, top, right, mid);
                case 'c' -> fill(mask, right - t, mid, right, bottom);
                case 'd' -> fill(mask, left, bottom - t, right, bottom);
                case 'e' -> fill(mask, left, mid, left + t, bottom);
                case 'f' -> fill(mask, left, top, left + t, mid);
                case 'g' -> fill(mask, left, mid - 1, right, mid + 1);
                default -> throw new IllegalStateException("segment " + seg);
            }
        }
        int[] argb = new int[SIZE * SIZE];
        for (int i = 0; i < argb.length; i++) {
            double v = (mask[i] ? 0.85 : 0.08) + 0.05 * rnd.nextGaussian();
            int g = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
            argb[i] = 0xff000000 | g << 16 | g << 8 | g;
        }
        return argb;
    }

    private static void fill(boolean[] mask, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * SIZE + x] = true;
            }
        }
    }
}
