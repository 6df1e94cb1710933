package dev.gmm.imaging.internal;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.imaging.SegmentationReport;

/**
 * Running means (and worst values) of one method's segmentations over a set of images, written into an
 * experiment result as {@code <method>_mean_psnr}, {@code <method>_mean_mse}, ... numbers.
 */
public final class MethodStats {
    private final String method;
    private int count;
    private double mse;
    private double psnr;
    private double millis;
    private double bic;
    private int bicCount;
    private double accuracy;
    private double minAccuracy = Double.POSITIVE_INFINITY;
    private int accuracyCount;
    private int capped;

    public MethodStats(String method) {
        this.method = method;
    }

    /** Adds one segmentation's report. */
    public void add(SegmentationReport r) {
        count++;
        mse += r.mse();
        // an exactly reproduced image has infinite PSNR; cap it at 100 dB so the mean stays a number
        psnr += Math.min(r.psnr(), 100);
        millis += r.millis();
        if (Double.isFinite(r.bic())) {
            bic += r.bic();
            bicCount++;
        }
        if (r.k() < r.requestedK()) {
            capped++;
        }
    }

    /** Adds one image's foreground/background pixel accuracy. */
    public void addAccuracy(double a) {
        accuracy += a;
        minAccuracy = Math.min(minAccuracy, a);
        accuracyCount++;
    }

    public String method() {
        return method;
    }

    public double meanPsnr() {
        return psnr / count;
    }

    public double meanMse() {
        return mse / count;
    }

    public double meanMillis() {
        return millis / count;
    }

    /** Mean BIC over the fits that have one (GMM), NaN for methods without a likelihood. */
    public double meanBic() {
        return bicCount == 0 ? Double.NaN : bic / bicCount;
    }

    public double meanAccuracy() {
        return accuracyCount == 0 ? Double.NaN : accuracy / accuracyCount;
    }

    /** Writes the means as numbers and one row of the summary table. */
    public void writeTo(ExperimentResult.Builder result, java.util.List<java.util.List<Object>> summaryRows) {
        String key = method + "_";
        result.number(key + "mean_mse", meanMse()).number(key + "mean_psnr", meanPsnr())
                .number(key + "mean_millis", meanMillis());
        if (bicCount > 0) {
            result.number(key + "mean_bic", meanBic());
        }
        if (accuracyCount > 0) {
            result.number(key + "mean_pixel_accuracy", meanAccuracy()).number(key + "min_pixel_accuracy", minAccuracy);
        }
        if (capped > 0) {
            result.finding(method + ": K was capped on " + capped + " of " + count
                    + " images that have fewer distinct colours than K");
        }
        summaryRows.add(java.util.List.of(method, count, meanMse(), meanPsnr(), bicCount > 0 ? meanBic() : "-",
                meanMillis(), accuracyCount > 0 ? meanAccuracy() : "-", accuracyCount > 0 ? minAccuracy : "-"));
    }

    /** The columns of the rows {@link #writeTo} adds. */
    public static final java.util.List<String> SUMMARY_COLUMNS = java.util.List.of("method", "images", "mean_mse",
            "mean_psnr_db", "mean_bic", "mean_millis", "mean_pixel_accuracy", "min_pixel_accuracy");
}
