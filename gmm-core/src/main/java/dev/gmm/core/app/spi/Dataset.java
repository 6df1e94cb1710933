package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;

import java.util.List;

/**
 * A loaded data set: samples, optional integer labels, and names.
 *
 * @param name         the data set's name
 * @param data         the samples
 * @param labels       one label per row, or null
 * @param featureNames one name per column
 * @param labelNames   the name of each label value (index = label), or an empty list
 */
public record Dataset(String name, DataMatrix data, int[] labels, List<String> featureNames, List<String> labelNames) {
    /** Checks that there is one label per row (if any) and one feature name per column; copies the name lists. */
    public Dataset {
        if (labels != null && labels.length != data.rows()) {
            throw new IllegalArgumentException("data set " + name + " has " + data.rows() + " rows but "
                    + labels.length + " labels");
        }
        if (featureNames.size() != data.cols()) {
            throw new IllegalArgumentException("data set " + name + " has " + data.cols() + " columns but "
                    + featureNames.size() + " feature names");
        }
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
    }
}
