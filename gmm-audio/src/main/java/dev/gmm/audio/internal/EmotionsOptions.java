package dev.gmm.audio.internal;

import dev.gmm.datasets.Ravdess;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of {@code audio-emotions} ({@code --option KEY=VALUE}), with the study's values as
 * defaults: which recordings are read (speech of the given intensity and statement) and which
 * parameters count as "the study's own" beside the best of the grid.
 *
 * @param intensity   1 normal, 2 strong; empty for both (option {@code intensity}, default 2)
 * @param statement   1 "Kids are talking by the door", 2 "Dogs are sitting by the door"; empty for both
 *                    (option {@code statement}, default 2)
 * @param studyParams the parameters reported beside the grid's best (option {@code study-params})
 */
record EmotionsOptions(OptionalInt intensity, OptionalInt statement, GridPoint studyParams) {
    /**
     * The study's own GaussianMixture parameters are not recorded with the project, so the default is
     * scikit-learn's defaults (what the study's code runs untuned): kmeans, reg_covar 1e-6, full, n_init 1.
     */
    static final GridPoint DEFAULT_STUDY_PARAMS = new GridPoint("kmeans", 1e-6, "full", 1);
    private static final Set<String> KEYS = Set.of("intensity", "statement", "study-params");

    /**
     * Reads the options, refusing unknown keys and bad values with the accepted ones.
     *
     * @throws IllegalArgumentException naming the option, its value and what is accepted
     */
    static EmotionsOptions of(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("audio-emotions has no option '" + key + "': use one of "
                        + new TreeSet<>(KEYS));
            }
        }
        return new EmotionsOptions(oneOrBoth(options, "intensity"), oneOrBoth(options, "statement"),
                options.containsKey("study-params") ? GridPoint.parse("study-params", options.get("study-params"))
                        : DEFAULT_STUDY_PARAMS);
    }

    private static OptionalInt oneOrBoth(Map<String, String> options, String key) {
        String value = options.getOrDefault(key, "2").trim();
        return switch (value) {
            case "1", "01" -> OptionalInt.of(1);
            case "2", "02" -> OptionalInt.of(2);
            case "all" -> OptionalInt.empty();
            default -> throw new IllegalArgumentException("option " + key + "=" + value + ": use 1, 2 or all (default 2)");
        };
    }

    /** Whether the study reads this recording: speech (vocal channel 1) of the chosen intensity and statement. */
    boolean selects(Ravdess.Entry e) {
        return e.vocalChannel() == 1 && (intensity.isEmpty() || e.intensity() == intensity.getAsInt())
                && (statement.isEmpty() || e.statement() == statement.getAsInt());
    }

    /** "speech, intensity 2 (strong), statement 2", for reports and errors. */
    String describe() {
        return "speech, intensity " + (intensity.isEmpty() ? "1 and 2" : intensity.getAsInt() == 1 ? "1 (normal)" : "2 (strong)")
                + ", statement " + (statement.isEmpty() ? "1 and 2" : String.valueOf(statement.getAsInt()));
    }
}
