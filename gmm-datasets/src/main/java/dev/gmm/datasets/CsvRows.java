package dev.gmm.datasets;

import dev.gmm.core.app.spi.Dataset;

import java.util.List;

/**
 * A CSV file as read by {@link Csv#readRows}: the data set, plus where each of its rows came from.
 * Rows dropped for a missing value leave gaps in {@link #dataRowIndices()}, which is how a caller
 * lines its output up with the file's rows again.
 *
 * @param dataset        the rows that were kept, with the chosen feature columns
 * @param header         every column name of the file's header, or an empty list when it had none
 * @param lineNumbers    for each kept row, its 1-based line in the file
 * @param dataRowIndices for each kept row, its 0-based index among the file's data rows
 * @param dataRows       how many data rows the file has, kept or not
 */
public record CsvRows(Dataset dataset, List<String> header, int[] lineNumbers, int[] dataRowIndices, int dataRows) {
    /** Copies the header and checks there is one line number and one row index per kept row. */
    public CsvRows {
        header = List.copyOf(header);
        if (lineNumbers.length != dataset.data().rows() || dataRowIndices.length != dataset.data().rows()) {
            throw new IllegalArgumentException("CsvRows: one line number and one row index per kept row");
        }
    }

    /** Whether the file's first row named its columns. */
    public boolean hasHeader() {
        return !header.isEmpty();
    }

    /** Whether rows were left out for missing values. */
    public boolean droppedRows() {
        return dataset.data().rows() < dataRows;
    }
}
