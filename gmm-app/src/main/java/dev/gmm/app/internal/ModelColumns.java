package dev.gmm.app.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a data file feed a saved model (scikit-learn's {@code feature_names_in_}). When
 * both the file and the model name their columns, the model's names are looked up in the file's
 * header, in any order, and the data reach the model in its own order; a column the model needs
 * but the file lacks, or one {@code --columns} picks that the model never saw, is an error naming
 * them. Without names on either side, columns are taken by position.
 */
public final class ModelColumns {
    private ModelColumns() {
    }

    /**
     * The columns to read, by name or index, or null for every column of the file.
     *
     * @param header     the file's header, empty when it has none
     * @param requested  {@code --columns}, or null when not given
     * @param modelNames the model's {@code feature_names_in}, empty when it has none
     */
    public static List<String> choose(Path file, List<String> header, List<String> requested, List<String> modelNames) {
        if (modelNames.isEmpty() || header.isEmpty()) {
            return requested;
        }
        List<String> picked = requested == null ? modelNames : resolve(requested, header);
        List<String> missing = minus(modelNames, requested == null ? header : picked);
        List<String> unexpected = requested == null ? List.of() : minus(picked, modelNames);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder why = new StringBuilder(file + ": the model was fitted on columns " + modelNames);
            if (!missing.isEmpty()) {
                why.append(requested == null ? "; the file lacks " : "; --columns leaves out ").append(missing);
            }
            if (!unexpected.isEmpty()) {
                why.append("; --columns also picks ").append(unexpected).append(", which the model never saw");
            }
            why.append(" (the file's columns are ").append(header).append("): give data with the model's columns");
            throw new IllegalArgumentException(why.toString());
        }
        return modelNames;
    }

    /** {@code --columns} entries as header names (an entry that is not a name is a 0-based index). */
    private static List<String> resolve(List<String> requested, List<String> header) {
        List<String> names = new ArrayList<>();
        for (String c : requested) {
            if (header.contains(c)) {
                names.add(c);
            } else if (c.matches("\\d+") && Integer.parseInt(c) < header.size()) {
                names.add(header.get(Integer.parseInt(c)));
            } else {
                throw new IllegalArgumentException("--columns " + c + " is neither a column name nor an index 0.."
                        + (header.size() - 1) + "; columns are " + header);
            }
        }
        return names;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }
}
