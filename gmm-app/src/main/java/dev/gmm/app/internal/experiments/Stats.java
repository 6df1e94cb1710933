package dev.gmm.app.internal.experiments;

import java.util.Locale;

/** Means, standard deviations and their one-line form for tables and findings. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The sample standard deviation (n − 1); 0 for a single value. */
    static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.length - 1));
    }

    /** "0.912 ± 0.004". */
    static String meanSd(double[] values) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean(values), sd(values));
    }

    static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
