package dev.gmm.imaging.internal;

import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.app.spi.ExperimentOptions;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.imaging.PixelMatrix;
import dev.gmm.imaging.SegmentationReport;
import dev.gmm.imaging.Segmenter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Experiment {@code segment-cifar}: colour segmentation of a sample of small colour images into K
 * segments (option "k", default 4) by a GMM (covariance option "covariance", default "full") and,
 * when "kmeans" is registered, by K-Means beside it. Per image and on average: MSE and PSNR of the
 * image recoloured by segment means, the GMM's BIC, the time, and how often the GMM's PSNR beats
 * K-Means'.
 *
 * <p>With a data path it reads CIFAR-10 (a {@code .bin} batch, a folder of batches, or a folder of
 * PNGs with a labels CSV, or a folder holding such batches or such a PNG folder) and segments a seeded sample of option "n"
 * images (default 20). Without data it runs on generated 32x32 images (shapes, gradients, noise).
 */
public final class SegmentColourImagesExperiment implements Experiment {

    private static final int SIZE = 32;
    private static final ExperimentOption<Integer> N = ExperimentOption.positiveInt("n", 20, "images to segment");
    private static final ExperimentOption<Integer> K = ExperimentOption.positiveInt("k", 4, "segments per image");
    private static final ExperimentOption<String> COVARIANCE = ExperimentOption.string("covariance", "full",
            "the GMM's covariance type");

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public SegmentColourImagesExperiment() {
    }

    @Override
    public String name() {
        return "segment-cifar";
    }

    @Override
    public String description() {
        return "Colour segmentation of 32x32 images, GMM vs K-Means by MSE/PSNR (CIFAR-10 with --data, else generated)";
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return List.of(N, K, COVARIANCE);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws IOException {
        ExperimentOptions options = context.read(this);
        int n = options.get(N);
        int k = options.get(K);
        String covariance = options.get(COVARIANCE);
        ImageSets.LabelledImages set = context.data() == null ? generated(n, context.seed())
                : ImageSets.cifar(context.data(), n, context.seed());
        List<String> methods = SegmentImageExperiment.methods();
        boolean kmeans = methods.contains("kmeans");
        var result = ExperimentResult.builder(name(), "Colour segmentation of 32x32 images: " + set.source())
                .summary(set.size() + " images of " + set.source() + ", K = " + k + ", GMM covariance " + covariance
                        + (kmeans ? " vs K-Means" : ""));
        if (!kmeans) {
            result.finding("K-Means is not registered (gmm-baselines is not on the path): GMM only");
        }
        if (set.available() < n) {
            result.finding("asked for " + n + " images, the data holds " + set.available() + ": used them all");
        }
        List<MethodStats> stats = methods.stream().map(MethodStats::new).toList();
        List<List<Object>> rows = new ArrayList<>();
        PsnrComparison comparison = new PsnrComparison();
        context.progress().start("segment colour images", set.size() * methods.size());
        for (int i = 0; i < set.size(); i++) {
            int[] argb = set.images().get(i);
            var pixels = PixelMatrix.fromArgb(argb, SIZE, SIZE, PixelMatrix.Encoding.RGB);
            String label = set.labels()[i] >= 0 && set.labels()[i] < set.labelNames().size()
                    ? set.labelNames().get(set.labels()[i]) : "-";
            if (i < 8) {
                result.picture(new ExperimentResult.Picture("image " + set.indices()[i] + " (" + label + ")", SIZE,
                        SIZE, argb));
            }
            double[] psnr = new double[methods.size()];
            for (int m = 0; m < methods.size(); m++) {
                var s = Segmenter.segment(pixels, new Segmenter.Settings(methods.get(m), k, covariance,
                        context.seed() + i, Map.of()));
                SegmentationReport r = s.report();
                stats.get(m).add(r);
                psnr[m] = r.psnr();
                rows.add(List.of(i, set.indices()[i], label, methods.get(m), r.k(), r.mse(), r.psnr(),
                        Double.isNaN(r.bic()) ? "-" : r.bic(), r.millis(), r.iterations()));
                if (i < 8) {
                    result.picture(new ExperimentResult.Picture("image " + set.indices()[i] + " " + methods.get(m)
                            + " K=" + r.k(), SIZE, SIZE, s.recoloured()));
                }
                context.progress().advance(1);
            }
            if (kmeans) {
                comparison.add(psnr[0], psnr[1]);
            }
        }
        context.progress().finish();
        List<List<Object>> summary = new ArrayList<>();
        for (MethodStats s : stats) {
            s.writeTo(result, summary);
            // No time here: findings go to results.json, which must be identical run to run (timings.json has it).
            result.finding(s.method() + ": mean PSNR " + String.format("%.2f", s.meanPsnr()) + " dB, mean MSE "
                    + String.format("%.5f", s.meanMse()));
        }
        if (kmeans) {
            comparison.writeTo(result, "images");
        }
        return result.table(new ExperimentResult.Table("Mean over images", MethodStats.SUMMARY_COLUMNS, summary))
                .table(new ExperimentResult.Table("Per image", List.of("image", "index", "class", "method", "K",
                        "mse", "psnr_db", "bic", "millis", "em_iterations"), rows))
                .build();
    }

    private static ImageSets.LabelledImages generated(int n, long seed) {
        List<int[]> images = new ArrayList<>();
        int[] labels = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            images.add(SyntheticImages.shapes(SIZE, SIZE, 0.05, seed + i));
            labels[i] = -1;
            indices[i] = i;
        }
        return new ImageSets.LabelledImages("generated shapes", SIZE, SIZE, images, labels, indices, List.of(), n);
    }
}
