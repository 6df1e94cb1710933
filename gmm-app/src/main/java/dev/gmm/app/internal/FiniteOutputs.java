package dev.gmm.app.internal;

/**
 * The last guard before a number is printed: finite data must never give NaN or Infinity in an
 * output. Where the core's arithmetic cannot represent a result (data near 1e300 make squared
 * distances overflow), the command refuses, saying what to do, instead of printing it.
 */
public final class FiniteOutputs {
    private FiniteOutputs() {
    }

    /** {@code value}, the {@code what} of the data in {@code source}, when it is finite. */
    public static double require(double value, String what, String source) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(failure(what + " is " + value, source));
        }
        return value;
    }

    /** Every value finite, one per row; {@code lines} gives each row's line in {@code source}. */
    public static double[] require(double[] values, String what, String source, int[] lines) {
        for (int r = 0; r < values.length; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException(failure(what + " of line " + lines[r] + " is " + values[r], source));
            }
        }
        return values;
    }

    /** Every row of {@code values} finite; {@code lines} gives each row's line in {@code source}. */
    public static double[][] require(double[][] values, String what, String source, int[] lines) {
        for (int r = 0; r < values.length; r++) {
            for (double v : values[r]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(failure(what + " of line " + lines[r] + " is " + v, source));
                }
            }
        }
        return values;
    }

    /**
     * {@code scoring.get()}, with a row the core cannot score (its density leaves double precision)
     * reported by its line in {@code source}.
     */
    public static <T> T scored(java.util.function.Supplier<T> scoring, String what, String source, int[] lines) {
        try {
            return scoring.get();
        } catch (dev.gmm.core.DensityOutOfRangeException e) {
            int row = e.row();
            String where = lines != null && row < lines.length ? "line " + lines[row] : "row " + (row + 1);
            throw new IllegalArgumentException(failure(what + " of " + where + " is not finite", source), e);
        }
    }

    private static String failure(String what, String source) {
        return source + ": " + what + ": the values are too large (or too far from the model) for double "
                + "precision; rescale the data (e.g. standardize the columns) and fit the model on the rescaled data";
    }
}
