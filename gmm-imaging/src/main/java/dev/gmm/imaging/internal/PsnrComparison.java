package dev.gmm.imaging.internal;

import dev.gmm.core.experiment.ExperimentResult;

import java.util.Locale;

/**
 * GMM against K-Means, image by image: wins, ties and losses by PSNR. All three are reported,
 * because "GMM wins on 4 of 20" reads as "loses on 16" when most of the rest are ties (both
 * methods often find the same segments).
 */
public final class PsnrComparison {
    /** Differences below this are ties: the report prints PSNR to 0.01 dB. */
    public static final double TIE_DB = 0.01;

    private int wins;
    private int ties;
    private int losses;

    /** One image's PSNR under GMM and under K-Means. */
    public void add(double gmmPsnr, double kmeansPsnr) {
        double difference = gmmPsnr - kmeansPsnr;
        if (Math.abs(difference) < TIE_DB) {
            ties++;
        } else if (difference > 0) {
            wins++;
        } else {
            losses++;
        }
    }

    public int wins() {
        return wins;
    }

    public int ties() {
        return ties;
    }

    public int losses() {
        return losses;
    }

    /** The counts as numbers and one finding, e.g. "GMM's PSNR is higher on 4 of 20 images, ...". */
    public void writeTo(ExperimentResult.Builder result, String what) {
        int total = wins + ties + losses;
        result.number("gmm_higher_psnr", wins).number("gmm_equal_psnr", ties).number("gmm_lower_psnr", losses);
        result.finding(String.format(Locale.ROOT, "GMM's PSNR against K-Means' over %d %s: higher on %d, equal "
                + "(within %.2f dB) on %d, lower on %d", total, what, wins, TIE_DB, ties, losses));
    }
}
