package dev.gmm.app.internal.experiments;

import dev.gmm.core.app.spi.ExperimentContext;

/** Reads an experiment's numeric options, failing with the option's name and the fix. */
final class ContextOptions {
    private ContextOptions() {
    }

    static int positiveInt(ExperimentContext context, String name, int fallback) {
        String text = context.option(name, Integer.toString(fallback)).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("option " + name + " = \"" + text + "\": use a positive integer (default "
                + fallback + ")");
    }

    static double contamination(ExperimentContext context, String name, double fallback) {
        String text = context.option(name, Double.toString(fallback)).strip();
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && value <= 0.5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("option " + name + " = \"" + text
                + "\": use a share of anomalies in (0, 0.5] (default " + fallback + ")");
    }
}
