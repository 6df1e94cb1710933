package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelColumns;
import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.CsvOptions;
import dev.gmm.datasets.CsvRows;
import dev.gmm.datasets.RowIndexColumns;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a command reads its {@code --data} CSV: which columns are features, whether the first row is
 * a header, and what a missing cell means. Shared by fit, predict, score, select and evaluate so a
 * file with an id or label column (Old Faithful's {@code rownames}, UCI's trailing class) is read
 * the same way everywhere.
 */
final class CsvReading {
    @Option(names = "--columns", split = ",", paramLabel = "NAME|INDEX",
            description = "Feature columns by header name or 0-based index (default: every column; for a model "
                    + "with column names, the model's columns, found by name).")
    List<String> columns;

    @Option(names = "--drop", split = ",", paramLabel = "NAME",
            description = "Columns to leave out, by header name (e.g. --drop file,label for gmm features' CSV); "
                    + "every other column is a feature.")
    List<String> drop;

    @Option(names = "--header", description = "The first row names the columns (default: detected: a first row "
            + "without numbers is a header).")
    boolean header;

    @Option(names = "--no-header", description = "Every row is data (default: detected).")
    boolean noHeader;

    @Option(names = "--missing", defaultValue = "error", paramLabel = "error|drop|mean",
            description = "A missing cell: refuse the file (default), drop its row, or use the column mean.")
    String missing;

    /** Data to fit, with the names of its columns (empty without a header) to store in the model. */
    record Training(DataMatrix data, List<String> featureNames) {
    }

    /** Every chosen column of {@code file}. */
    DataMatrix read(Path file, boolean float32) throws IOException {
        Path source = StandardInput.resolve(file);
        return CsvFiles.matrix(source, rows(source, options(source)), float32);
    }

    /**
     * Data to fit a model to. Without {@code --columns}, a column that looks like a row index is
     * refused rather than fitted (README, "Row index columns"): a model fitted on it is wrong in
     * every later prediction, and one flag says what to use instead.
     */
    Training readForFit(Path given, boolean float32) throws IOException {
        Path file = StandardInput.resolve(given);
        CsvRows rows = rows(file, options(file));
        if ((columns == null || columns.isEmpty()) && (drop == null || drop.isEmpty())) {
            List<String> index = RowIndexColumns.find(rows);
            if (!index.isEmpty()) {
                List<String> rest = rows.dataset().featureNames().stream().filter(n -> !index.contains(n)).toList();
                throw new IllegalArgumentException(file + ": column " + String.join(", ", quoted(index))
                        + " looks like a row index, not a feature; say which columns to fit: --columns "
                        + (rest.isEmpty() ? "NAME,..." : String.join(",", rest)));
            }
        }
        return new Training(CsvFiles.matrix(file, rows, float32),
                rows.hasHeader() ? rows.dataset().featureNames() : List.of());
    }

    /** The rows of {@code file} that feed {@code model}: its columns, found by name when both have names. */
    CsvRows readForModel(Path given, SavedModel model) throws IOException {
        Path file = StandardInput.resolve(given);
        CsvOptions o = options(file);
        List<String> chosen = ModelColumns.choose(file, Csv.header(file, o), o.columns().isEmpty() ? null : o.columns(),
                model.featureNamesIn());
        CsvRows rows = rows(file, chosen == null ? o : o.withColumns(chosen));
        int cols = rows.dataset().data().cols();
        if (cols != model.model().features()) {
            throw new IllegalArgumentException(file + ": " + cols + " feature column" + (cols == 1 ? "" : "s")
                    + " " + rows.dataset().featureNames() + " but the model has " + model.model().features()
                    + " features" + (model.hasFeatureNames() ? " " + model.featureNamesIn() : "")
                    + "; choose its columns with --columns");
        }
        return rows;
    }

    private static CsvRows rows(Path file, CsvOptions options) throws IOException {
        FileChecks.requireInputFile(file, "--data");
        return Csv.readRows(file, options);
    }

    /** The header's columns but those {@code --drop} names; each dropped name must be in the header. */
    private List<String> keptColumns(Path file, List<String> fileHeader) {
        if (fileHeader.isEmpty()) {
            throw new IllegalArgumentException("--drop " + String.join(",", drop) + ": " + file + " has no header "
                    + "naming its columns; choose the columns by index with --columns instead");
        }
        List<String> unknown = drop.stream().filter(d -> !fileHeader.contains(d)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--drop " + String.join(",", unknown) + ": no such column in " + file
                    + "; its columns are " + fileHeader);
        }
        List<String> kept = fileHeader.stream().filter(c -> !drop.contains(c)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("--drop " + String.join(",", drop) + " leaves no column of " + file
                    + " to use; drop fewer columns");
        }
        return kept;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList();
    }

    /** Whether the first row is a header: forced by --header / --no-header, else detected. */
    CsvOptions.Header headerMode() {
        if (header && noHeader) {
            throw new IllegalArgumentException("--header and --no-header contradict each other: pass one or neither");
        }
        return header ? CsvOptions.Header.YES : noHeader ? CsvOptions.Header.NO : CsvOptions.Header.AUTO;
    }

    CsvOptions options(Path file) throws IOException {
        if (header && noHeader) {
            throw new IllegalArgumentException("--header and --no-header contradict each other: pass one or neither");
        }
        boolean dropping = drop != null && !drop.isEmpty();
        if (dropping && columns != null && !columns.isEmpty()) {
            throw new IllegalArgumentException("--columns and --drop both choose the columns: pass one of them");
        }
        CsvOptions o = CsvOptions.defaults()
                .withHeader(header ? CsvOptions.Header.YES : noHeader ? CsvOptions.Header.NO : CsvOptions.Header.AUTO);
        if (columns != null && !columns.isEmpty()) {
            o = o.withColumns(columns);
        }
        if (dropping) {
            o = o.withColumns(keptColumns(file, Csv.header(file, o)));
        }
        return o.withMissing(switch (missing) {
            case "error" -> CsvOptions.MissingValues.ERROR;
            case "drop" -> CsvOptions.MissingValues.DROP_ROWS;
            case "mean" -> CsvOptions.MissingValues.IMPUTE_MEAN;
            default -> throw new IllegalArgumentException("--missing " + missing + " is not one of error, drop, mean");
        });
    }
}
