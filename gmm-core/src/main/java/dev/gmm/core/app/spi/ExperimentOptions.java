package dev.gmm.core.app.spi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of an experiment's declared options for one run, parsed and checked: what
 * {@link ExperimentContext#read(Experiment)} returns. Every declared option has a value (given or
 * default) once this exists, so a mistake in any of them stops the run before its work starts.
 */
public final class ExperimentOptions {
    private final Map<String, Object> values;
    private final Set<String> given;
    private final Map<String, ExperimentOption<?>> declared;

    private ExperimentOptions(Map<String, Object> values, Set<String> given, Map<String, ExperimentOption<?>> declared) {
        this.values = values;
        this.given = given;
        this.declared = declared;
    }

    /**
     * Parses {@code given} against the {@code declared} options of experiment {@code experiment}.
     *
     * @throws IllegalArgumentException for a key that is not declared (the message lists the declared
     *                                  options with their defaults) or a value that does not parse (the
     *                                  message names the key, the value and what is expected)
     */
    public static ExperimentOptions parse(String experiment, List<ExperimentOption<?>> declared,
                                          Map<String, String> given) {
        Map<String, ExperimentOption<?>> byKey = new HashMap<>();
        for (ExperimentOption<?> option : declared) {
            if (byKey.put(option.key(), option) != null) {
                throw new IllegalStateException("experiment '" + experiment + "' declares option " + option.key()
                        + " twice");
            }
        }
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new IllegalArgumentException("experiment '" + experiment + "' has no option '" + key + "'; "
                        + ExperimentOption.keys(declared));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (ExperimentOption<?> option : declared) {
            String text = given.get(option.key());
            Object value = text == null ? option.defaultValue() : option.parse(text);
            if (value != null) {
                values.put(option.key(), value);
            }
        }
        return new ExperimentOptions(values, new HashSet<>(given.keySet()), byKey);
    }

    /**
     * The value of {@code option}: the one given, or its default.
     *
     * @throws IllegalStateException when the experiment did not declare it, or declared it without a
     *                               default (read such an option with {@link #orElse})
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ExperimentOption<T> option) {
        requireDeclared(option);
        Object value = values.get(option.key());
        if (value == null) {
            throw new IllegalStateException("option " + option.key() + " has no fixed default; read it with orElse");
        }
        return (T) value;
    }

    /** The value of {@code option} when given, else {@code fallback} (for defaults that depend on the run). */
    @SuppressWarnings("unchecked")
    public <T> T orElse(ExperimentOption<T> option, T fallback) {
        requireDeclared(option);
        return given.contains(option.key()) ? (T) values.get(option.key()) : fallback;
    }

    /** Whether the user gave {@code option} (rather than leaving its default). */
    public boolean given(ExperimentOption<?> option) {
        requireDeclared(option);
        return given.contains(option.key());
    }

    private void requireDeclared(ExperimentOption<?> option) {
        if (declared.get(option.key()) != option) {
            throw new IllegalStateException("option " + option.key() + " is not among the experiment's declared "
                    + "options(); declare it there so users may set it and the key is checked");
        }
    }
}
