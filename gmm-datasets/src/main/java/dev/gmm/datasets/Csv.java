package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.datasets.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain CSV files of numbers: reading data sets (with optional header, column selection and a
 * label column, a missing-value policy) and writing matrices, labels and one-number-a-line files.
 * Cells may be quoted ({@code "NEAR BAY"}); a quoted cell may not span lines.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads a numeric CSV with {@link CsvOptions#defaults()}. */
    public static Dataset read(Path file) throws IOException {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file into a data set.
     *
     * @throws IOException when the file cannot be read or is malformed (ragged rows, a cell that is
     *                     not a number, an empty file), naming the file, line and column
     */
    public static Dataset read(Path file, CsvOptions options) throws IOException {
        return readRows(file, options).dataset();
    }

    /**
     * Reads a CSV file as {@link #read(Path, CsvOptions)} does, and says where each row came from:
     * its line in the file and its index among the file's data rows, so that a caller that dropped
     * rows with missing values can still line its output up with the input.
     *
     * @throws IOException as {@link #read(Path, CsvOptions)}
     */
    public static CsvRows readRows(Path file, CsvOptions options) throws IOException {
        CsvRows plain = plainNumbers(file, options);
        return plain != null ? plain : readAnyRows(file, options);
    }

    /** The general reader: every rule of {@link #readRows}, line by line (what the fast path falls back to). */
    static CsvRows readAnyRows(Path file, CsvOptions options) throws IOException {
        List<String> lines = lines(file);
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> rowsText = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rowsText.add(lines.get(i));
                lineNumbers.add(i + 1);
            }
        }
        if (rowsText.isEmpty()) {
            throw new IOException(file + " is empty: expected rows of comma-, semicolon- or tab-separated numbers");
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(rowsText.getFirst());
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < rowsText.size(); r++) {
            rows.add(cells(rowsText.get(r), delimiter, file, lineNumbers.get(r)));
        }
        int width = rows.getFirst().length;
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> isHeader(rows.getFirst());
        };
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add(header ? rows.getFirst()[c] : "column" + c);
        }
        int first = header ? 1 : 0;
        for (int r = first; r < rows.size(); r++) {
            if (rows.get(r).length != width) {
                throw new IOException(file + " line " + lineNumbers.get(r) + ": " + rows.get(r).length
                        + " cells but line " + lineNumbers.getFirst() + " has " + width + "; every row needs the same "
                        + "number of cells (delimiter '" + printable(delimiter) + "')");
            }
        }
        if (rows.size() == first) {
            throw new IOException(file + " has a header but no data rows");
        }
        int label = options.labelColumn() == null ? -1 : resolve(options.labelColumn(), names, file, "label column");
        List<Integer> featureCols = new ArrayList<>();
        if (options.columns().isEmpty()) {
            for (int c = 0; c < width; c++) {
                if (c != label) {
                    featureCols.add(c);
                }
            }
        } else {
            for (String c : options.columns()) {
                featureCols.add(resolve(c, names, file, "column"));
            }
        }
        if (featureCols.isEmpty()) {
            throw new IOException(file + ": no feature columns left to read (the only column is the label column)");
        }
        int d = featureCols.size();
        List<double[]> values = new ArrayList<>();
        List<String> labelText = new ArrayList<>();
        List<Integer> keptLines = new ArrayList<>();
        List<Integer> keptRows = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            double[] v = new double[d];
            boolean missingHere = false;
            for (int j = 0; j < d; j++) {
                int c = featureCols.get(j);
                String cell = cells[c];
                if (isMissing(cell)) {
                    if (options.missing() == CsvOptions.MissingValues.ERROR) {
                        throw new IOException(file + " line " + lineNumbers.get(r) + " column " + (c + 1) + " ("
                                + names.get(c) + "): missing value \"" + cell + "\"; to accept missing values "
                                + "pass --missing drop (leave the row out) or --missing mean (use the column mean); "
                                + "in Java, CsvOptions.withMissing");
                    }
                    v[j] = Double.NaN;
                    missingHere = true;
                } else if (isDecimal(cell)) {
                    v[j] = Double.parseDouble(cell);
                    if (!Double.isFinite(v[j])) {
                        throw new IOException(file + " line " + lineNumbers.get(r) + " column " + (c + 1) + " ("
                                + names.get(c) + "): \"" + cell + "\" is not a finite number; expected a finite number"
                                + " (write a missing value as an empty cell, NA or ?)");
                    }
                } else {
                    throw notANumber(file, lineNumbers.get(r), c, names.get(c), cell, r == 0);
                }
            }
            if (label >= 0 && isMissing(cells[label])) {
                if (options.missing() != CsvOptions.MissingValues.DROP_ROWS) {
                    throw new IOException(file + " line " + lineNumbers.get(r) + " column " + (label + 1) + " ("
                            + names.get(label) + "): the label is missing; a label cannot be imputed, so give every "
                            + "row one or pass --missing drop (CsvOptions.MissingValues.DROP_ROWS in Java)");
                }
                missingHere = true;
            }
            if (missingHere && options.missing() == CsvOptions.MissingValues.DROP_ROWS) {
                continue;
            }
            values.add(v);
            keptLines.add(lineNumbers.get(r));
            keptRows.add(r - first);
            if (label >= 0) {
                labelText.add(cells[label]);
            }
        }
        if (values.isEmpty()) {
            throw new IOException(file + ": every row has a missing value, so --missing drop left nothing");
        }
        if (options.missing() == CsvOptions.MissingValues.IMPUTE_MEAN) {
            imputeMeans(values, d, file, names, featureCols);
        }
        int[] labels = null;
        List<String> labelNames = List.of();
        if (label >= 0) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            labels = new int[labelText.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = codes.computeIfAbsent(labelText.get(i), k -> codes.size());
            }
            labelNames = List.copyOf(codes.keySet());
        }
        List<String> featureNames = featureCols.stream().map(names::get).toList();
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Dataset dataset = new Dataset(name, DataMatrix.of(values.toArray(double[][]::new)), labels, featureNames,
                labelNames);
        return new CsvRows(dataset, header ? List.copyOf(names) : List.of(),
                keptLines.stream().mapToInt(Integer::intValue).toArray(),
                keptRows.stream().mapToInt(Integer::intValue).toArray(), rows.size() - first);
    }

    /**
     * A file of plain decimal numbers (after an optional header) read by {@link NumericCsvFastPath};
     * null when the file is anything else and needs the general reader above. The header and the
     * delimiter are decided from the first line by the same rules.
     */
    private static CsvRows plainNumbers(Path file, CsvOptions options) throws IOException {
        String firstLine = firstLine(file);
        if (firstLine == null) {
            return null; // empty, or blank lines first: the general reader numbers lines and explains
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(firstLine);
        String[] first = cells(firstLine, delimiter, file, 1);
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> isHeader(first);
        };
        List<String> names = new ArrayList<>();
        for (int c = 0; c < first.length; c++) {
            names.add(header ? first[c] : "column" + c);
        }
        return NumericCsvFastPath.tryRead(file, options, delimiter, first, header, names);
    }

    /** The file's first line as UTF-8 without a byte-order mark, or null when it is blank or absent. */
    private static String firstLine(Path file) throws IOException {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            line = line.startsWith("\uFEFF") ? line.substring(1) : line;
            return line.isBlank() ? null : line;
        } catch (java.nio.charset.CharacterCodingException e) {
            return null; // the general reader names the offending byte
        }
    }

    /**
     * The column names of a CSV file's header, or an empty list when its first row is data: only
     * the first line is read, so a caller can choose columns by name before reading a large file.
     *
     * @throws IOException when the file cannot be read or its first line is not UTF-8 text
     */
    public static List<String> header(Path file, CsvOptions options) throws IOException {
        if (options.header() == CsvOptions.Header.NO) {
            return List.of();
        }
        String firstLine = null;
        int lineNumber = 0;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    firstLine = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    break;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text; expected a UTF-8 (or ASCII) CSV file", e);
        }
        if (firstLine == null) {
            return List.of();
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(firstLine);
        String[] first = cells(firstLine, delimiter, file, lineNumber);
        return options.header() == CsvOptions.Header.YES || isHeader(first) ? List.of(first) : List.of();
    }

    private static IOException notANumber(Path file, int line, int column, String name, String cell,
                                          boolean firstRow) {
        String where = file + " line " + line + " column " + (column + 1) + " (" + name + "): \"" + cell + "\" ";
        if (isNumber(cell)) {
            return new IOException(where + "is not a decimal number; write numbers in decimal such as 8.0 or 1e-3 "
                    + "(hexadecimal floats, Infinity and type suffixes like 1.0f are not read)");
        }
        if (firstRow) {
            return new IOException(where + "is not a number, and the line mixes numbers and text, so it is not "
                    + "taken for a header (a header has no numbers): fix the cell, or pass --header if the line "
                    + "names the columns");
        }
        return new IOException(where + "is not a number; expected a number (choose the feature columns with "
                + "--columns, or make this column the label column)");
    }

    /**
     * The file's lines as UTF-8 (a leading byte-order mark dropped); bytes that are not UTF-8 are an
     * error naming the byte offset, since a silently replaced character could turn into a wrong number.
     */
    static List<String> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IOException(file + " byte offset " + in.position() + ": not UTF-8 text; expected UTF-8 (or "
                    + "ASCII) text");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    /**
     * Splits one line into stripped cells. A cell may be quoted ("a, b"), with "" for a quote inside;
     * quotes do not span lines.
     */
    private static String[] cells(String line, char delimiter, Path file, int lineNumber) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ' && delimiter != ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                int open = i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IOException(file + " line " + lineNumber + " column " + (cells.size() + 1)
                                + ": the quote opened at character " + (open + 1) + " is not closed; expected a "
                                + "closing \" on the same line");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"' && i < line.length() && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        break;
                    } else {
                        cell.append(ch);
                    }
                }
                while (i < line.length() && line.charAt(i) != delimiter) {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw new IOException(file + " line " + lineNumber + " column " + (cells.size() + 1)
                                + ": text after the closing quote at character " + i + "; expected the delimiter '"
                                + printable(delimiter) + "'");
                    }
                    i++;
                }
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString().strip());
            cell.setLength(0);
            if (i >= line.length()) {
                return cells.toArray(String[]::new);
            }
            i++; // the delimiter
        }
    }

    /**
     * A first row is a header when none of its cells is a number and at least one is text. A row that
     * mixes numbers and text is data (its text cell is then refused, naming line and cell), so a
     * typo in the first row is never dropped as if it were a header; an empty cell is allowed, as
     * in the header R's write.csv gives its row names ({@code "","x","y"}).
     */
    private static boolean isHeader(String[] first) {
        boolean anyText = false;
        for (String cell : first) {
            if (isNumber(cell)) {
                return false;
            }
            anyText |= !isMissing(cell);
        }
        return anyText;
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    private static void imputeMeans(List<double[]> values, int d, Path file, List<String> names, List<Integer> cols)
            throws IOException {
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int n = 0;
            for (double[] v : values) {
                if (!Double.isNaN(v[j])) {
                    sum += v[j];
                    n++;
                }
            }
            if (n == 0) {
                throw new IOException(file + ": column " + names.get(cols.get(j)) + " has no values to impute a mean from");
            }
            // Finite values can still sum past Double.MAX_VALUE; averaging the scaled values cannot.
            double mean = sum / n;
            if (!Double.isFinite(mean)) {
                mean = 0;
                for (double[] v : values) {
                    if (!Double.isNaN(v[j])) {
                        mean += v[j] / n;
                    }
                }
            }
            for (double[] v : values) {
                if (Double.isNaN(v[j])) {
                    v[j] = mean;
                }
            }
        }
    }

    private static int resolve(String column, List<String> names, Path file, String what) throws IOException {
        int byName = names.indexOf(column);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(column);
            if (index >= 0 && index < names.size()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // not an index: fall through to the error
        }
        throw new IOException(file + ": " + what + " \"" + column + "\" is neither a column name nor an index "
                + "0.." + (names.size() - 1) + "; columns are " + names);
    }

    static char detectDelimiter(String firstLine) {
        char best = ',';
        int bestCount = 0;
        for (char c : new char[] {',', ';', '\t'}) {
            int count = (int) firstLine.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("?") || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN");
    }

    /** Anything Java reads as a double: decimal, hexadecimal, Infinity, with a type suffix. */
    static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A decimal number as CSV writers produce them ({@code -1.5}, {@code .5}, {@code 3e-7}); Java's
     * hexadecimal floats ({@code 0x1p3}), {@code Infinity} and suffixes ({@code 1.0f}) are refused,
     * since in a data file they are far more likely a mistake than a value.
     */
    static boolean isDecimal(String cell) {
        return DECIMAL.matcher(cell).matches();
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Writes a matrix as comma-separated numbers (shortest round-tripping form), with an optional header. */
    public static void writeMatrix(Path file, DataMatrix data, List<String> header) throws IOException {
        if (header != null && header.size() != data.cols()) {
            throw new IllegalArgumentException("header has " + header.size() + " names but the matrix has "
                    + data.cols() + " columns");
        }
        StringBuilder sb = new StringBuilder();
        if (header != null) {
            sb.append(String.join(",", header)).append('\n');
        }
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.cols(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(data.get(r, c));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    /** Writes one integer per line (e.g. labels). */
    public static void writeInts(Path file, int[] values) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(v).append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    /** Reads one integer per line (blank lines skipped). */
    public static int[] readInts(Path file) throws IOException {
        List<String> lines = lines(file);
        int[] out = new int[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                out[n++] = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": \"" + s + "\" is not an integer; expected one "
                        + "integer per line");
            }
        }
        if (n == 0) {
            throw new IOException(file + " is empty: expected one integer per line");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Reads one number per line (blank lines skipped), e.g. sample weights or scores. */
    public static double[] readDoubles(Path file) throws IOException {
        List<String> lines = lines(file);
        double[] out = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!isDecimal(s) || !Double.isFinite(Double.parseDouble(s))) {
                throw new IOException(file + " line " + (i + 1) + ": \"" + s + "\" is not a finite number; expected "
                        + "one number per line");
            }
            out[n++] = Double.parseDouble(s);
        }
        if (n == 0) {
            throw new IOException(file + " is empty: expected one number per line");
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
