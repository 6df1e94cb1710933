package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.CsvOptions;
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
            description = "Feature columns by header name or 0-based index (default: every column).")
    List<String> columns;

    @Option(names = "--header", description = "The first row names the columns (default: detected).")
    boolean header;

    @Option(names = "--no-header", description = "Every row is data (default: detected).")
    boolean noHeader;

    @Option(names = "--missing", defaultValue = "error", paramLabel = "error|drop|mean",
            description = "A missing cell: refuse the file (default), drop its row, or use the column mean.")
    String missing;

    DataMatrix read(Path file, boolean float32) throws IOException {
        return CsvFiles.readMatrix(file, options(), float32);
    }

    CsvOptions options() {
        if (header && noHeader) {
            throw new IllegalArgumentException("--header and --no-header contradict each other: pass one or neither");
        }
        CsvOptions o = CsvOptions.defaults()
                .withHeader(header ? CsvOptions.Header.YES : noHeader ? CsvOptions.Header.NO : CsvOptions.Header.AUTO);
        if (columns != null && !columns.isEmpty()) {
            o = o.withColumns(columns);
        }
        return o.withMissing(switch (missing) {
            case "error" -> CsvOptions.MissingValues.ERROR;
            case "drop" -> CsvOptions.MissingValues.DROP_ROWS;
            case "mean" -> CsvOptions.MissingValues.IMPUTE_MEAN;
            default -> throw new IllegalArgumentException("--missing " + missing + " is not one of error, drop, mean");
        });
    }
}
