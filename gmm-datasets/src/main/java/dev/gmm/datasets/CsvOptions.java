package dev.gmm.datasets;

import java.util.List;

/**
 * How {@link Csv#read(java.nio.file.Path, CsvOptions)} reads a file. Start from {@link #defaults()}
 * and change what you need with the {@code with...} methods.
 *
 * @param header       whether the first row holds column names
 * @param delimiter    the cell separator, or null to detect it (comma, semicolon or tab)
 * @param columns      the feature columns by name or 0-based index, or an empty list for every
 *                     column except the label column
 * @param labelColumn  the label column by name or 0-based index, or null for none
 * @param missing      what to do with empty, "NA", "NaN" or "?" cells
 */
public record CsvOptions(Header header, Character delimiter, List<String> columns, String labelColumn,
                         MissingValues missing) {

    /** Whether the file has a header row. */
    public enum Header {
        /** The first row names the columns. */
        YES,
        /** Every row is data; columns are named column0, column1, ... */
        NO,
        /** A header when the first row has a cell that is not a number. */
        AUTO
    }

    /** What to do with a missing value. */
    public enum MissingValues {
        /** Refuse the file, naming the line and column (the default). */
        ERROR,
        /** Leave out rows with a missing feature value. */
        DROP_ROWS,
        /** Replace a missing value by its column's mean over the rows that have one. */
        IMPUTE_MEAN
    }

    /** Checks that header and missing are given, and copies the column selection (null, like empty, selects every column). */
    public CsvOptions {
        if (header == null || missing == null) {
            throw new IllegalArgumentException("CsvOptions: header and missing must not be null");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** Header auto-detected, delimiter auto-detected, every column, no labels, missing values refused. */
    public static CsvOptions defaults() {
        return new CsvOptions(Header.AUTO, null, List.of(), null, MissingValues.ERROR);
    }

    /** These options with the given header policy. */
    public CsvOptions withHeader(Header h) {
        return new CsvOptions(h, delimiter, columns, labelColumn, missing);
    }

    /** These options with a fixed delimiter. */
    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(header, d, columns, labelColumn, missing);
    }

    /** These options reading only the given columns (names or 0-based indices). */
    public CsvOptions withColumns(List<String> c) {
        return new CsvOptions(header, delimiter, c, labelColumn, missing);
    }

    /** These options with a label column (name or 0-based index). */
    public CsvOptions withLabelColumn(String c) {
        return new CsvOptions(header, delimiter, columns, c, missing);
    }

    /** These options with a missing-value policy. */
    public CsvOptions withMissing(MissingValues m) {
        return new CsvOptions(header, delimiter, columns, labelColumn, m);
    }
}
