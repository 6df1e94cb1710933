package dev.gmm.core.app.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting an {@link Experiment} declares ({@code gmm experiment NAME --option KEY=VALUE}): its key,
 * its type, its default and what it means. The experiment lists its options in
 * {@link Experiment#options()} and reads their values through {@link ExperimentContext#read(Experiment)},
 * which refuses keys the experiment does not declare and values that do not parse.
 *
 * <p>A value that does not parse is an {@link IllegalArgumentException} naming the key, the value given
 * and what is expected, for example {@code option n=5,9: "5,9" is not an integer; use a whole number >= 1
 * (default 300)}. The types:
 * <ul>
 *   <li>{@link #integer}: a whole number ({@code n=300});</li>
 *   <li>{@link #intList}: comma-separated whole numbers and inclusive ranges ({@code k=2,8},
 *       {@code k=6..14}, {@code k=2,4..6});</li>
 *   <li>{@link #real}: a finite number ({@code low=0.05}, {@code reg=1e-6});</li>
 *   <li>{@link #string} and {@link #choice}: text, or one of a fixed set of words;</li>
 *   <li>{@link #custom}: any other form, parsed by the experiment.</li>
 * </ul>
 * {@link #accepting} narrows any of them ({@code integer(...).accepting(v -> v >= 1, "a whole number >= 1")}).
 *
 * @param <T> the type of the parsed value
 */
public final class ExperimentOption<T> {
    private final String key;
    private final String description;
    private final T defaultValue;
    private final String defaultText;
    private final String expected;
    private final Function<String, T> parser;

    private ExperimentOption(String key, String description, T defaultValue, String defaultText, String expected,
                             Function<String, T> parser) {
        if (key == null || !key.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("option key '" + key + "' must be lower case letters, digits, '.', '_' "
                    + "or '-' (it is typed on a command line)");
        }
        this.key = key;
        this.description = Objects.requireNonNullElse(description, "");
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.expected = expected;
        this.parser = parser;
    }

    /** A whole number, such as {@code n=300}. */
    public static ExperimentOption<Integer> integer(String key, int defaultValue, String description) {
        return new ExperimentOption<>(key, description, defaultValue, Integer.toString(defaultValue), "a whole number",
                ExperimentOption::parseInt);
    }

    /** A whole number of at least 1, such as {@code runs=10}. */
    public static ExperimentOption<Integer> positiveInt(String key, int defaultValue, String description) {
        return integer(key, defaultValue, description).accepting(v -> v >= 1, "a whole number >= 1");
    }

    /**
     * A whole number of at least 1 whose default depends on the run (for instance on whether data was given):
     * the experiment supplies it through {@link ExperimentOptions#orElse}; {@code defaultText} says what it is.
     */
    public static ExperimentOption<Integer> positiveInt(String key, String defaultText, String description) {
        return new ExperimentOption<Integer>(key, description, null, defaultText, "a whole number",
                ExperimentOption::parseInt).accepting(v -> v >= 1, "a whole number >= 1");
    }

    /**
     * Comma-separated whole numbers of at least 1, each a number or an inclusive range {@code LOW..HIGH}:
     * {@code 2,8} is [2, 8], {@code 6..14} is 6 to 14, {@code 2,4..6} is [2, 4, 5, 6].
     *
     * @param defaultText the default in the same syntax, such as {@code "2,8"} or {@code "6..14"}
     */
    public static ExperimentOption<List<Integer>> intList(String key, String defaultText, String description) {
        String expected = "comma-separated whole numbers >= 1 or ranges LOW..HIGH, such as 2,8 or 6..14";
        return new ExperimentOption<>(key, description, parseIntList(defaultText), defaultText, expected,
                ExperimentOption::parseIntList);
    }

    /** A finite number, such as {@code low=0.05} or {@code reg=1e-6}. */
    public static ExperimentOption<Double> real(String key, double defaultValue, String description) {
        return new ExperimentOption<>(key, description, defaultValue, Double.toString(defaultValue), "a finite number",
                ExperimentOption::parseDouble);
    }

    /** Any text, such as a covariance type's name; an empty value is refused. */
    public static ExperimentOption<String> string(String key, String defaultValue, String description) {
        return new ExperimentOption<>(key, description, defaultValue, defaultValue, "a non-empty value", text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("the value is empty");
            }
            return text;
        });
    }

    /** One of {@code allowed}, such as {@code intensity=all}. */
    public static ExperimentOption<String> choice(String key, String defaultValue, String description,
                                                  String... allowed) {
        List<String> words = List.of(allowed);
        if (!words.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + key + ": default '" + defaultValue + "' is not one of "
                    + words);
        }
        return new ExperimentOption<>(key, description, defaultValue, defaultValue, "one of " + String.join(", ",
                words), text -> {
                    if (!words.contains(text)) {
                        throw new IllegalArgumentException("\"" + text + "\" is not one of them");
                    }
                    return text;
                });
    }

    /**
     * A value in a form of the experiment's own: {@code parser} turns the text into a value or throws an
     * {@link IllegalArgumentException} saying what is wrong, which the option's message carries.
     *
     * @param defaultText the default in the same form (parsed once, here)
     * @param expected    the accepted form, for messages ("INIT,REG_COVAR,COVARIANCE,N_INIT such as kmeans,1e-6,full,1")
     */
    public static <T> ExperimentOption<T> custom(String key, String defaultText, String description, String expected,
                                                 Function<String, T> parser) {
        return new ExperimentOption<>(key, description, parser.apply(defaultText), defaultText, expected, parser);
    }

    /**
     * This option, refusing values that fail {@code test}; {@code expected} describes the values it accepts
     * ("a whole number >= 1", "a share in (0, 0.5]") in the message that names a refused one.
     */
    public ExperimentOption<T> accepting(Predicate<? super T> test, String expected) {
        if (defaultValue != null && !test.test(defaultValue)) {
            throw new IllegalArgumentException("option " + key + ": default " + defaultText + " is not " + expected);
        }
        Function<String, T> narrowed = text -> {
            T value = parser.apply(text);
            if (!test.test(value)) {
                throw new IllegalArgumentException("\"" + text + "\" is not " + expected);
            }
            return value;
        };
        return new ExperimentOption<>(key, description, defaultValue, defaultText, expected, narrowed);
    }

    /** The key users type. */
    public String key() {
        return key;
    }

    /** What the option sets. */
    public String description() {
        return description;
    }

    /** The value when the option is not given, or null when the experiment supplies it (see {@link #defaultText()}). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as users would type it, or a phrase when it depends on the run. */
    public String defaultText() {
        return defaultText;
    }

    /** What values are accepted, in words. */
    public String expected() {
        return expected;
    }

    /** "n (default 300): points per data set", for help and for the message that refuses an unknown key. */
    @Override
    public String toString() {
        return key + " (default " + defaultText + ")" + (description.isEmpty() ? "" : ": " + description);
    }

    /**
     * The value of {@code text} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming this option's key, the value and what is expected
     */
    T parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + key + "=" + value + ": " + e.getMessage() + "; use "
                    + expected + " (default " + defaultText + ")", e);
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + (text.contains(",") || text.contains("..")
                    ? "one whole number" : "a whole number"));
        }
    }

    private static double parseDouble(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("\"" + text + "\" is not finite");
        }
        return value;
    }

    private static List<Integer> parseIntList(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the list is empty");
        }
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            int dots = item.indexOf("..");
            if (dots < 0) {
                values.add(positive(item));
                continue;
            }
            int low = positive(item.substring(0, dots).strip());
            int high = positive(item.substring(dots + 2).strip());
            if (high < low) {
                throw new IllegalArgumentException("the range \"" + item + "\" is empty (write LOW..HIGH with LOW <= HIGH)");
            }
            for (int v = low; v <= high; v++) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    private static int positive(String item) {
        int value = parseInt(item);
        if (value < 1) {
            throw new IllegalArgumentException(value + " is below 1");
        }
        return value;
    }

    /** The keys of {@code options}, in declaration order, for messages. */
    static String keys(List<ExperimentOption<?>> options) {
        return options.isEmpty() ? "it takes no options"
                : "its options: " + String.join("; ", options.stream().map(ExperimentOption::toString).toList());
    }
}
