package dev.gmm.audio.internal;

import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.app.spi.ExperimentOptions;
import dev.gmm.datasets.Ravdess;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

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
    static final ExperimentOption<OptionalInt> INTENSITY = oneOrBoth("intensity",
            "1 normal, 2 strong or all for both");
    static final ExperimentOption<OptionalInt> STATEMENT = oneOrBoth("statement",
            "1 \"Kids are talking by the door\", 2 \"Dogs are sitting by the door\" or all for both");
    /**
     * The study's own GaussianMixture parameters are not recorded with the project, so the default is
     * scikit-learn's defaults (what the study's code runs untuned): kmeans, reg_covar 1e-6, full, n_init 1.
     */
    static final ExperimentOption<GridPoint> STUDY_PARAMS = ExperimentOption.custom("study-params",
            "kmeans,1e-6,full,1", "the parameters reported beside the grid's best",
            "INIT,REG_COVAR,COVARIANCE,N_INIT such as kmeans,1e-6,full,1", GridPoint::parse);
    /** What {@code audio-emotions} declares. */
    static final List<ExperimentOption<?>> DECLARED = List.of(INTENSITY, STATEMENT, STUDY_PARAMS);

    /** The options' values. */
    static EmotionsOptions of(ExperimentOptions options) {
        return new EmotionsOptions(options.get(INTENSITY), options.get(STATEMENT), options.get(STUDY_PARAMS));
    }

    /**
     * Reads the options, refusing unknown keys and bad values with the accepted ones.
     *
     * @throws IllegalArgumentException naming the option, its value and what is accepted
     */
    static EmotionsOptions of(Map<String, String> options) {
        return of(ExperimentOptions.parse("audio-emotions", DECLARED, options));
    }

    private static ExperimentOption<OptionalInt> oneOrBoth(String key, String description) {
        return ExperimentOption.custom(key, "2", description, "1, 2 or all", value -> switch (value) {
            case "1", "01" -> OptionalInt.of(1);
            case "2", "02" -> OptionalInt.of(2);
            case "all" -> OptionalInt.empty();
            default -> throw new IllegalArgumentException("\"" + value + "\" is neither 1, 2 nor all");
        });
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
