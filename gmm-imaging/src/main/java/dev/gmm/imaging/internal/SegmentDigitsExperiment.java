package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.app.spi.ExperimentOptions;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.imaging.PixelMatrix;
import dev.gmm.imaging.Segmentation;
import dev.gmm.imaging.SegmentationReport;
import dev.gmm.imaging.Segmenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Experiment {@code segment-mnist}: foreground/background segmentation of 28x28 grey digit images into
 * K = 2 segments by a GMM (covariance option "covariance", default "full") and, when "kmeans" is
 * registered, by K-Means beside it. Per image and on average it reports MSE and PSNR of the
 * recoloured image, the GMM's BIC, the time, and the pixel accuracy of the brighter segment as
 * foreground against a reference mask; with both methods, also how often they agree per pixel.
 *
 * <p>With a data path (an MNIST IDX folder or images file) it segments a seeded sample of option "n"
 * images (default 50); the reference mask is the ink, pixels of grey value at least 0.5 (128 of
 * 255), since MNIST has no segmentation ground truth. Without data it runs on generated
 * seven-segment style digits with noise, whose stroke masks are known exactly.
 */
public final class SegmentDigitsExperiment implements Experiment {

    private static final int SIZE = 28;
    private static final ExperimentOption<Integer> N = ExperimentOption.positiveInt("n", 50, "images to segment");
    private static final ExperimentOption<String> COVARIANCE = ExperimentOption.string("covariance", "full",
            "the GMM's covariance type");
    /** Grey value (in [0, 1]) from which an MNIST pixel counts as ink in the reference mask. */
    static final double INK = 0.5;

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public SegmentDigitsExperiment() {
    }

    @Override
    public String name() {
        return "segment-mnist";
    }

    @Override
    public String description() {
        return "Foreground/background segmentation of digit images, GMM vs K-Means (MNIST with --data, else generated)";
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return List.of(N, COVARIANCE);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws java.io.IOException {
        ExperimentOptions options = context.read(this);
        int n = options.get(N);
        String covariance = options.get(COVARIANCE);
        List<String> methods = SegmentImageExperiment.methods();
        Digits digits = context.data() == null ? generated(n, context.seed()) : mnist(context.data(), n, context.seed());
        var result = ExperimentResult.builder(name(), "Digit foreground/background by mixture: " + digits.source());
        result.summary(digits.images().size() + " images of " + digits.source() + ", each split into 2 segments by a GMM ("
                + covariance + ")" + (methods.contains("kmeans") ? " and by K-Means" : "") + "; reference: "
                + digits.reference());
        if (!methods.contains("kmeans")) {
            result.finding("K-Means is not registered (gmm-baselines is not on the path): GMM only");
        }
        if (digits.available() < n) {
            result.finding("asked for " + n + " images, the data holds " + digits.available() + ": used them all");
        }
        List<MethodStats> stats = methods.stream().map(MethodStats::new).toList();
        List<List<Object>> rows = new ArrayList<>();
        double agreementSum = 0;
        double[] foregroundShare = new double[methods.size()];
        double referenceShare = 0;
        context.progress().start("segment digits", digits.images().size() * methods.size());
        for (int i = 0; i < digits.images().size(); i++) {
            int[] argb = digits.images().get(i);
            boolean[] mask = digits.masks().get(i);
            var pixels = PixelMatrix.fromArgb(argb, SIZE, SIZE, PixelMatrix.Encoding.GREY);
            boolean[][] foreground = new boolean[methods.size()][];
            referenceShare += share(mask);
            for (int m = 0; m < methods.size(); m++) {
                Segmentation s = Segmenter.segment(pixels, new Segmenter.Settings(methods.get(m), 2, covariance,
                        context.seed() + i, Map.of()));
                foreground[m] = foreground(pixels, s.labels());
                double accuracy = agreement(foreground[m], mask);
                foregroundShare[m] += share(foreground[m]);
                SegmentationReport r = s.report();
                stats.get(m).add(r);
                stats.get(m).addAccuracy(accuracy);
                rows.add(List.of(i, digits.indices()[i], digits.labels()[i], methods.get(m), r.k(), accuracy, r.mse(),
                        r.psnr(), Double.isNaN(r.bic()) ? "-" : r.bic(), r.millis(), r.iterations()));
                if (i < 10) {
                    if (m == 0) {
                        result.picture(new ExperimentResult.Picture("digit " + digits.labels()[i], SIZE, SIZE, argb));
                    }
                    result.picture(new ExperimentResult.Picture("digit " + digits.labels()[i] + " " + methods.get(m)
                            + " segments", SIZE, SIZE, s.labelMap()));
                }
                context.progress().advance(1);
            }
            if (methods.size() > 1) {
                agreementSum += agreement(foreground[0], foreground[1]);
            }
        }
        context.progress().finish();
        List<List<Object>> summary = new ArrayList<>();
        for (MethodStats s : stats) {
            s.writeTo(result, summary);
            // No time here: findings go to results.json, which must be identical run to run (timings.json has it).
            result.finding(s.method() + ": mean pixel accuracy " + String.format("%.4f", s.meanAccuracy())
                    + ", mean PSNR " + String.format("%.2f", s.meanPsnr()) + " dB");
        }
        int count = digits.images().size();
        result.number("reference_mean_foreground_fraction", referenceShare / count);
        for (int m = 0; m < methods.size(); m++) {
            // a segment much larger than the reference says which pixels a method counts as stroke
            result.number(methods.get(m) + "_mean_foreground_fraction", foregroundShare[m] / count);
            result.finding(methods.get(m) + " marks " + String.format("%.1f", 100 * foregroundShare[m] / count)
                    + " % of the pixels as foreground; the reference marks "
                    + String.format("%.1f", 100 * referenceShare / count) + " %");
        }
        if (methods.size() > 1) {
            double agreement = agreementSum / digits.images().size();
            result.number(methods.get(0) + "_" + methods.get(1) + "_foreground_agreement", agreement);
            result.finding(methods.get(0) + " and " + methods.get(1) + " give the same foreground on "
                    + String.format("%.2f", 100 * agreement) + " % of the pixels");
        }
        return result.table(new ExperimentResult.Table("Mean over images", MethodStats.SUMMARY_COLUMNS, summary))
                .table(new ExperimentResult.Table("Per image", List.of("image", "index", "digit", "method", "K",
                        "pixel_accuracy", "mse", "psnr_db", "bic", "millis", "em_iterations"), rows))
                .build();
    }

    /** Digit images with their reference foreground masks. */
    private record Digits(String source, String reference, List<int[]> images, List<boolean[]> masks, int[] labels,
                          int[] indices, int available) {
    }

    private static Digits generated(int n, long seed) {
        Random rnd = new Random(seed);
        List<int[]> images = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        int[] labels = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            boolean[] mask = new boolean[SIZE * SIZE];
            labels[i] = i % 10;
            indices[i] = i;
            images.add(digitImage(labels[i], rnd, mask));
            masks.add(mask);
        }
        return new Digits("generated digits", "the generator's stroke masks", images, masks, labels, indices, n);
    }

    private static Digits mnist(java.nio.file.Path path, int n, long seed) throws java.io.IOException {
        ImageSets.LabelledImages set = ImageSets.mnist(path, n, seed);
        if (set.width() != SIZE || set.height() != SIZE) {
            throw new IllegalArgumentException(path + ": images are " + set.width() + "x" + set.height()
                    + "; segment-mnist expects 28x28 MNIST-style digits");
        }
        List<boolean[]> masks = new ArrayList<>();
        for (int[] argb : set.images()) {
            boolean[] mask = new boolean[argb.length];
            for (int j = 0; j < argb.length; j++) {
                mask[j] = (argb[j] & 0xff) >= Math.round(INK * 255);
            }
            masks.add(mask);
        }
        return new Digits(set.source(), "ink mask, grey >= " + INK, set.images(), masks, set.labels(), set.indices(),
                set.available());
    }

    /** The pixels of the brighter of two segments (by mean grey value): the digit's stroke. */
    static boolean[] foreground(PixelMatrix.Pixels pixels, int[] labels) {
        double[] mean = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < labels.length; i++) {
            mean[labels[i]] += pixels.data().get(i, 0);
            count[labels[i]]++;
        }
        boolean[] out = new boolean[labels.length];
        if (count[0] == 0 || count[1] == 0) {
            return out; // one segment only (a blank image): nothing stands out as foreground
        }
        int fg = mean[1] / count[1] > mean[0] / count[0] ? 1 : 0;
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == fg;
        }
        return out;
    }

    /** Fraction of a mask's pixels that are set. */
    static double share(boolean[] mask) {
        int set = 0;
        for (boolean b : mask) {
            set += b ? 1 : 0;
        }
        return set / (double) mask.length;
    }

    /** Fraction of pixels on which two masks agree. */
    static double agreement(boolean[] a, boolean[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return same / (double) a.length;
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
