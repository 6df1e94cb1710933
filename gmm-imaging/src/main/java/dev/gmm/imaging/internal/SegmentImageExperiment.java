package dev.gmm.imaging.internal;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Clusterer;
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
import java.util.Locale;
import java.util.Map;

/**
 * Experiment {@code segment-image}: segments one image (the context's data, or a generated image of
 * shapes with noise and gradients) for each K in option "k" (default "2,8") with a GMM of covariance
 * option "covariance" (default "tied"), and with K-Means beside it when "kmeans" is registered. Option
 * "position-weight" (default 0) adds each pixel's (x, y), scaled to [0, 1] and multiplied by the weight,
 * as features beside its colour, so segments also become spatially compact.
 */
public final class SegmentImageExperiment implements Experiment {
    static final ExperimentOption<List<Integer>> K = ExperimentOption.intList("k", "2,8", "numbers of segments to try");
    static final ExperimentOption<String> COVARIANCE = ExperimentOption.string("covariance", "tied",
            "the GMM's covariance type");
    static final ExperimentOption<Double> POSITION_WEIGHT = ExperimentOption.real("position-weight", 0,
            "weight of each pixel's (x, y) beside its colour; 0 leaves positions out")
            .accepting(w -> w >= 0, "a weight >= 0 such as 0.5");

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public SegmentImageExperiment() {
    }

    @Override
    public String name() {
        return "segment-image";
    }

    @Override
    public String description() {
        return "Segment an image by clustering its pixels: GMM (and K-Means when available) for a list of K";
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return List.of(K, COVARIANCE, POSITION_WEIGHT);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws Exception {
        ExperimentOptions options = context.read(this);
        List<Integer> ks = options.get(K);
        String covariance = options.get(COVARIANCE);
        PixelMatrix.Encoding encoding = new PixelMatrix.Encoding(false, options.get(POSITION_WEIGHT));
        PixelMatrix.Pixels pixels;
        int[] original;
        String source;
        if (context.data() != null) {
            var image = PixelMatrix.read(context.data());
            pixels = PixelMatrix.fromImage(image, encoding);
            original = image.getRGB(0, 0, pixels.width(), pixels.height(), null, 0, pixels.width());
            source = context.data().getFileName().toString();
            // K-Means (Smile) cannot run fewer than 2 clusters; say why in the image's terms before it is reached.
            if (DistinctRows.count(pixels.data(), 2) < 2) {
                int n = pixels.width() * pixels.height();
                throw new IllegalArgumentException(source + " (" + pixels.width() + "x" + pixels.height() + ") has "
                        + (n < 2 ? "only 1 pixel" : "a single colour") + ": too few pixels for K clusters (K in " + ks
                        + "); segment an image with at least 2 distinct pixel colours");
            }
        } else {
            int w = 240;
            int h = 160;
            original = SyntheticImages.shapes(w, h, 0.04, context.seed());
            pixels = PixelMatrix.fromArgb(original, w, h, encoding);
            source = "generated shapes " + w + "x" + h;
        }
        List<String> methods = methods();
        boolean kmeans = methods.contains("kmeans");
        var result = ExperimentResult.builder(name(), "Image segmentation by mixture: " + source)
                .summary("Every pixel of " + source + " (" + pixels.width() + "x" + pixels.height()
                        + ") replaced by its segment's mean colour, K in " + ks + ", GMM covariance " + covariance
                        + (encoding.positionWeight() > 0 ? ", pixel positions weighted " + encoding.positionWeight() : "")
                        + (kmeans ? ", K-Means beside it" : ""));
        if (!kmeans) {
            result.finding("K-Means is not registered (gmm-baselines is not on the path): GMM only");
        }
        result.picture(new ExperimentResult.Picture("original", pixels.width(), pixels.height(), original));
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Double> psnrs = new java.util.LinkedHashMap<>();
        context.progress().start("segment " + source, ks.size() * methods.size());
        for (int k : ks) {
            for (String method : methods) {
                var settings = new Segmenter.Settings(method, k, covariance, context.seed(), Map.of());
                Segmentation s = Segmenter.segment(pixels, settings);
                SegmentationReport r = s.report();
                String label = method + " K=" + r.k();
                result.picture(new ExperimentResult.Picture(label + " recoloured", s.width(), s.height(),
                        s.recoloured()));
                rows.add(List.of(method, r.requestedK(), r.k(), r.covarianceType(),
                        Double.isNaN(r.bic()) ? "-" : r.bic(), r.mse(), r.psnr(), r.millis(),
                        r.iterations() > 0 ? r.iterations() : "-", r.note()));
                String key = method + "_k" + k + "_";
                result.number(key + "psnr", r.psnr()).number(key + "mse", r.mse());
                psnrs.put(method + " " + k, r.psnr());
                if (!Double.isNaN(r.bic())) {
                    result.number(key + "bic", r.bic());
                }
                if (!r.note().isEmpty()) {
                    result.finding(label + ": " + r.note());
                }
                context.progress().advance(1);
            }
        }
        context.progress().finish();
        findings(result, ks, methods, psnrs);
        result.table(new ExperimentResult.Table("Segmentations of " + source,
                List.of("method", "K asked", "K", "covariance", "bic", "mse", "psnr_db", "millis", "iterations", "note"), rows));
        return result.build();
    }

    /**
     * What the table shows, in words: per K, which method reconstructs the image better (PSNR), and
     * per method how much going from the smallest to the largest K buys.
     */
    private static void findings(ExperimentResult.Builder result, List<Integer> ks, List<String> methods,
                                 Map<String, Double> psnrs) {
        if (methods.size() > 1) {
            for (int k : ks) {
                double gmm = psnrs.get(methods.get(0) + " " + k);
                double other = psnrs.get(methods.get(1) + " " + k);
                double difference = gmm - other;
                String verdict = Math.abs(difference) < PsnrComparison.TIE_DB ? "equal"
                        : String.format(Locale.ROOT, "%s higher by %.2f dB", difference > 0 ? methods.get(0)
                        : methods.get(1), Math.abs(difference));
                result.finding(String.format(Locale.ROOT, "K=%d: %s PSNR %.2f dB, %s %.2f dB (%s)", k,
                        methods.get(0), gmm, methods.get(1), other, verdict));
            }
        }
        int smallest = ks.stream().min(Integer::compare).orElseThrow();
        int largest = ks.stream().max(Integer::compare).orElseThrow();
        if (largest > smallest) {
            for (String method : methods) {
                result.finding(String.format(Locale.ROOT, "%s: K=%d instead of K=%d raises the PSNR by %.2f dB",
                        method, largest, smallest, psnrs.get(method + " " + largest) - psnrs.get(method + " " + smallest)));
            }
        }
    }

    /** "gmm", plus "kmeans" when a provider of that name is registered (gmm-baselines at run time). */
    static List<String> methods() {
        return Plugins.names(Clusterer.class).contains("kmeans") ? List.of("gmm", "kmeans") : List.of("gmm");
    }
}
