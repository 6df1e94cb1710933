package dev.gmm.imaging;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.FittedClusterer;
import dev.gmm.imaging.internal.DistinctRows;

import java.util.Map;

/**
 * Segments an image by clustering its pixels with any {@link Clusterer} found by name in the registry.
 *
 * <p>For "gmm" the mixture is fitted with {@link GaussianMixture} directly so its BIC and
 * responsibilities are available; other methods go through the {@code Clusterer} SPI.
 *
 * <p>Fallback: when K exceeds the number of distinct colours, K is capped at that number (a
 * mixture cannot have more non-degenerate components than distinct points) and the report's note
 * says so.
 */
public final class Segmenter {

    /**
     * Settings of a segmentation.
     *
     * @param method         registry name of the clusterer
     * @param k              number of segments (at least 1)
     * @param covarianceType GMM covariance type (ignored by other methods)
     * @param seed           random seed
     * @param extra          further clusterer options (e.g. max_iter, tol)
     */
    public record Settings(String method, int k, String covarianceType, long seed, Map<String, String> extra) {
        /** Checks the number of segments and copies the extra settings. */
        public Settings {
            if (k < 1) {
                throw new IllegalArgumentException("k = " + k + ": ask for at least 1 segment");
            }
            extra = Map.copyOf(extra);
        }

        /** A GMM with the given covariance type. */
        public static Settings gmm(int k, String covarianceType, long seed) {
            return new Settings("gmm", k, covarianceType, seed, Map.of());
        }
    }

    private Segmenter() {
    }

    /** Segments the image given as pixels (colour columns first, then optional position columns). */
    public static Segmentation segment(PixelMatrix.Pixels pixels, Settings settings) {
        DataMatrix data = pixels.data();
        data.requireFinite("pixels");
        int channels = pixels.encoding().colourChannels();
        long start = System.nanoTime();
        int distinct = DistinctRows.count(data, settings.k() + 1);
        int k = Math.min(settings.k(), distinct);
        String note = k < settings.k()
                ? "K capped at " + k + ": the image has only " + distinct + " distinct pixel values"
                : "";
        int[] labels;
        double[] soft;
        double bic = Double.NaN;
        String covariance = "-";
        int iterations = 0;
        if (settings.method().equals("gmm")) {
            GaussianMixture.Builder b = GaussianMixture.builder().components(k)
                    .covarianceType(settings.covarianceType()).seed(settings.seed());
            applyExtra(b, settings.extra());
            GaussianMixtureModel model = b.build().fit(data);
            double[][] proba = model.predictProba(data);
            labels = new int[data.rows()];
            soft = new double[data.rows()];
            for (int i = 0; i < proba.length; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (proba[i][j] > proba[i][best]) {
                        best = j;
                    }
                }
                labels[i] = best;
                soft[i] = proba[i][best];
            }
            bic = model.bic(data);
            covariance = model.covarianceType();
            iterations = model.report().iterations();
        } else {
            Clusterer clusterer = Plugins.find(Clusterer.class, settings.method());
            FittedClusterer fitted = clusterer.fit(data, new Clusterer.Options(k, settings.seed(), 1, settings.extra()));
            labels = fitted.labels();
            double[][] proba = fitted.predictProba(data);
            soft = new double[data.rows()];
            for (int i = 0; i < proba.length; i++) {
                double m = 0;
                for (double p : proba[i]) {
                    m = Math.max(m, p);
                }
                soft[i] = m;
            }
        }
        double[][] means = segmentMeans(data, labels, k, channels);
        double[] recolouredValues = new double[data.rows() * channels];
        double sq = 0;
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < channels; c++) {
                double v = means[labels[i]][c];
                recolouredValues[i * channels + c] = v;
                double d = v - data.get(i, c);
                sq += d * d;
            }
        }
        DataMatrix recoloured = DataMatrix.wrap(recolouredValues, data.rows(), channels);
        double mse = sq / ((double) data.rows() * channels);
        double millis = (System.nanoTime() - start) / 1e6;
        int[] palette = PixelMatrix.palette(k);
        var report = new SegmentationReport(settings.method(), settings.k(), k, covariance, bic, mse, psnr(mse),
                millis, iterations, note);
        return new Segmentation(pixels.width(), pixels.height(),
                PixelMatrix.toArgb(recoloured, pixels.width(), pixels.height(), channels), labels, palette,
                PixelMatrix.labelsToArgb(labels, palette), soft, report);
    }

    /** Peak signal-to-noise ratio in dB for colour values in [0, 1]: {@code 10 log10(1 / mse)}. */
    public static double psnr(double mse) {
        if (!(mse >= 0)) {
            throw new IllegalArgumentException("mse = " + mse + ": a mean squared error is >= 0");
        }
        return mse == 0 ? Double.POSITIVE_INFINITY : -10 * Math.log10(mse);
    }

    /** Mean squared error between two images' colour channels in [0, 1] (packed ARGB, same size). */
    public static double mse(int[] argbA, int[] argbB) {
        if (argbA.length != argbB.length || argbA.length == 0) {
            throw new IllegalArgumentException("images of " + argbA.length + " and " + argbB.length
                    + " pixels: compare two non-empty images of the same size");
        }
        double sq = 0;
        for (int i = 0; i < argbA.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                double d = (((argbA[i] >> shift) & 0xff) - ((argbB[i] >> shift) & 0xff)) / 255.0;
                sq += d * d;
            }
        }
        return sq / (3.0 * argbA.length);
    }

    private static void applyExtra(GaussianMixture.Builder b, Map<String, String> extra) {
        if (extra.containsKey("init_params")) {
            b.initMethod(extra.get("init_params"));
        }
        if (extra.containsKey("reg_covar")) {
            b.regCovar(Double.parseDouble(extra.get("reg_covar")));
        }
        if (extra.containsKey("max_iter")) {
            b.maxIter(Integer.parseInt(extra.get("max_iter")));
        }
        if (extra.containsKey("tol")) {
            b.tol(Double.parseDouble(extra.get("tol")));
        }
    }

    private static double[][] segmentMeans(DataMatrix data, int[] labels, int k, int channels) {
        double[][] sums = new double[k][channels];
        long[] counts = new long[k];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int c = 0; c < channels; c++) {
                sums[labels[i]][c] += data.get(i, c);
            }
        }
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < channels; c++) {
                sums[j][c] = counts[j] == 0 ? 0 : sums[j][c] / counts[j];
            }
        }
        return sums;
    }
}
