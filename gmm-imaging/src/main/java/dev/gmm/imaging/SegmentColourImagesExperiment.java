package dev.gmm.imaging;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.Experiment;
import dev.gmm.core.spi.ExperimentContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Experiment {@code segment-cifar}: colour segmentation of a sample of small 32x32 colour images, GMM
 * (covariance option "covariance", default "full") vs K-Means when "kmeans" is registered, K from
 * option "k" (default 4), scored by mean PSNR of the recoloured images. Until the CIFAR-10 loader of
 * gmm-datasets is wired in, it runs on generated images (shapes, gradients, noise; option "n",
 * default 20).
 */
public final class SegmentColourImagesExperiment implements Experiment {

    private static final int SIZE = 32;

    @Override
    public String name() {
        return "segment-cifar";
    }

    @Override
    public String description() {
        return "Colour segmentation of small colour images, GMM vs K-Means by PSNR (generated images)";
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        if (context.data() != null) {
            throw new IllegalArgumentException("segment-cifar --data " + context.data()
                    + ": reading CIFAR-10 files is not wired in yet; run without data to use generated images");
        }
        int n = SegmentImageExperiment.parsePositiveInts("n", context.option("n", "20")).getFirst();
        int k = SegmentImageExperiment.parsePositiveInts("k", context.option("k", "4")).getFirst();
        String covariance = context.option("covariance", "full");
        List<String> methods = SegmentImageExperiment.methods();
        boolean kmeans = methods.contains("kmeans");
        var result = ExperimentResult.builder(name(), "Colour segmentation of 32x32 images (generated)")
                .summary(n + " generated 32x32 colour images, K = " + k + ", GMM covariance " + covariance
                        + (kmeans ? " vs K-Means" : ""));
        if (!kmeans) {
            result.finding("K-Means is not registered (gmm-baselines is not on the path): GMM only");
        }
        double[] psnrSum = new double[methods.size()];
        List<List<Object>> rows = new ArrayList<>();
        context.progress().start("segment colour images", n * methods.size());
        for (int i = 0; i < n; i++) {
            int[] argb = SyntheticImages.shapes(SIZE, SIZE, 0.05, context.seed() + i);
            var pixels = PixelMatrix.fromArgb(argb, SIZE, SIZE, PixelMatrix.Encoding.RGB);
            if (i < 8) {
                result.picture(new ExperimentResult.Picture("image " + i, SIZE, SIZE, argb));
            }
            for (int m = 0; m < methods.size(); m++) {
                var s = Segmenter.segment(pixels, new Segmenter.Settings(methods.get(m), k, covariance,
                        context.seed() + i, Map.of()));
                psnrSum[m] += s.report().psnr();
                rows.add(List.of(i, methods.get(m), s.report().k(), s.report().mse(), s.report().psnr()));
                if (i < 8) {
                    result.picture(new ExperimentResult.Picture("image " + i + " " + methods.get(m) + " K="
                            + s.report().k(), SIZE, SIZE, s.recoloured()));
                }
                context.progress().advance(1);
            }
        }
        context.progress().finish();
        for (int m = 0; m < methods.size(); m++) {
            result.number(methods.get(m) + "_mean_psnr", psnrSum[m] / n);
        }
        return result.table(new ExperimentResult.Table("Per image", List.of("image", "method", "K", "mse", "psnr_db"),
                rows)).build();
    }
}
