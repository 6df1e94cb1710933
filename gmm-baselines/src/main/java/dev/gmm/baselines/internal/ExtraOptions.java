package dev.gmm.baselines.internal;

import java.util.Map;

/** Reads method-specific "extra" options by name, failing clearly on values that do not parse. */
public final class ExtraOptions {

    private ExtraOptions() {
    }

    /** The integer option {@code key}, or {@code fallback} when absent; must be at least {@code min}. */
    public static int intOption(Map<String, String> extra, String key, int fallback, int min) {
        String raw = extra.get(key);
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = \"" + raw + "\": give a whole number >= " + min);
        }
        if (value < min) {
            throw new IllegalArgumentException(key + " = " + value + ": give a whole number >= " + min);
        }
        return value;
    }

    /**
     * The number option {@code key} in the open interval (0, 1), or {@code fallback} when absent: a
     * share of the rows (Smile refuses a subsample of 1 with a message of its own).
     */
    public static double fraction(Map<String, String> extra, String key, double fallback) {
        String raw = extra.get(key);
        if (raw == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(key + " = \"" + raw + "\": give a fraction in (0, 1), exclusive");
        }
        return value;
    }
}
