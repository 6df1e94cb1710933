package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads numeric CSV one line at a time, for files larger than memory and for standard input
 * ({@code gmm convert}, {@code gmm fit --online}): memory is one line plus whatever batch the caller
 * asks for. Unlike {@link Csv}, which holds the whole file to offer column choice and missing-value
 * handling, this reader takes every column, and a missing or non-numeric cell is an error naming the
 * source, the line and the column. The delimiter (comma, semicolon or tab) is detected from the first
 * line, and so is a header (a first line without numbers), unless the caller says.
 */
public final class CsvRowReader implements Closeable {
    private final String source;
    private final BufferedReader reader;
    private final char delimiter;
    private final List<String> featureNames;
    private final int cols;
    private String pending;
    private long lineNumber;
    private long pendingLine;

    private CsvRowReader(String source, BufferedReader reader, CsvOptions.Header header) throws IOException {
        this.source = source;
        this.reader = reader;
        String first = nextNonBlank();
        if (first == null) {
            throw new IOException(source + " is empty: expected rows of comma-, semicolon- or tab-separated numbers");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        this.delimiter = Csv.detectDelimiter(first);
        String[] cells = split(first);
        this.cols = cells.length;
        boolean isHeader = switch (header) {
            case YES -> true;
            case NO -> false;
            case AUTO -> java.util.Arrays.stream(cells).noneMatch(Csv::isNumber);
        };
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add(isHeader ? cells[c] : "column" + c);
        }
        this.featureNames = List.copyOf(names);
        if (!isHeader) {
            pending = first;
            pendingLine = lineNumber;
        }
    }

    /** Reads {@code file} (UTF-8) line by line. */
    public static CsvRowReader open(Path file, CsvOptions.Header header) throws IOException {
        return open(Files.newInputStream(file), file.toString(), header);
    }

    /**
     * Reads {@code in} (UTF-8) line by line; {@code source} names it in messages ("standard input").
     * Closing the reader closes the stream.
     */
    public static CsvRowReader open(InputStream in, String source, CsvOptions.Header header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        try {
            return new CsvRowReader(source, reader, header);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The header's names, or column0, column1, … without a header. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The number of columns every row has. */
    public int cols() {
        return cols;
    }

    /**
     * Reads the next row into {@code row} ({@link #cols()} values).
     *
     * @return false at the end of the input
     * @throws IOException for a row of another width, a missing or a non-numeric cell
     */
    public boolean next(double[] row) throws IOException {
        String line;
        long number;
        if (pending != null) {
            line = pending;
            number = pendingLine;
            pending = null;
        } else {
            line = nextNonBlank();
            number = lineNumber;
            if (line == null) {
                return false;
            }
        }
        String[] cells = split(line);
        if (cells.length != cols) {
            throw new IOException(source + " line " + number + ": " + cells.length + " cells but the first row has "
                    + cols + "; every row needs the same number of cells (delimiter '"
                    + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "')");
        }
        for (int c = 0; c < cols; c++) {
            String cell = cells[c];
            if (!Csv.isDecimal(cell)) {
                throw new IOException(source + " line " + number + " column " + (c + 1) + " (" + featureNames.get(c)
                        + "): \"" + cell + "\" is " + (cell.isEmpty() ? "missing" : "not a number")
                        + "; expected a decimal number in every cell (rows read as a stream are not dropped or imputed: "
                        + "clean the file first, or fit it in memory, where --missing drop|mean handles such cells)");
            }
            row[c] = Double.parseDouble(cell);
        }
        return true;
    }

    /**
     * The next {@code maxRows} rows (fewer at the end) as a matrix, or null when none are left.
     *
     * @param float32 whether to store them as floats
     */
    public DataMatrix nextBatch(int maxRows, boolean float32) throws IOException {
        double[] values = new double[maxRows * cols];
        double[] row = new double[cols];
        int n = 0;
        while (n < maxRows && next(row)) {
            System.arraycopy(row, 0, values, n * cols, cols);
            n++;
        }
        if (n == 0) {
            return null;
        }
        DataMatrix batch = DataMatrix.wrap(n == maxRows ? values : java.util.Arrays.copyOf(values, n * cols), n, cols);
        return float32 ? batch.toFloat32() : batch;
    }

    private String nextNonBlank() throws IOException {
        String line;
        do {
            line = reader.readLine();
            lineNumber++;
        } while (line != null && line.isBlank());
        return line;
    }

    private String[] split(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                String cell = line.substring(start, i).strip();
                if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                    cell = cell.substring(1, cell.length() - 1).strip();
                }
                cells.add(cell);
                start = i + 1;
            }
        }
        return cells.toArray(String[]::new);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
