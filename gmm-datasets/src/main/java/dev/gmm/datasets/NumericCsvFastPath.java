package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The common case of {@link Csv#readRows} at the speed of the disk: a file of plain decimal numbers
 * (after an optional header line), read straight from a memory-mapped file into the final row-major
 * array in two parallel passes over byte ranges (count the rows, then parse each range into its
 * place) — no line list, no strings, no regular expression; memory is the matrix itself.
 *
 * <p>Anything else — a quoted cell, a missing value, a blank line, a ragged row, text where a number
 * should be, a label column, a missing-value policy — makes it give up ({@code null}) and the general
 * reader runs, with its error messages; so this path never changes what a file means, only how fast
 * it is read. Numbers are parsed to the same double as {@link Double#parseDouble}: exactly, by
 * Clinger's fast path (a significand below 2⁵³ times a power of ten up to 10²² is one correctly
 * rounded operation), and through {@code Double.parseDouble} otherwise.
 */
final class NumericCsvFastPath {
    private static final double[] POWERS_OF_TEN = new double[23];
    /** Below this many bytes one thread parses the whole file. */
    private static final long PARALLEL_BYTES = 1 << 20;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumericCsvFastPath() {
    }

    /** Signals a file the fast path does not take; the general reader then reads it. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /**
     * The rows of a plain numeric file, or null when the file needs the general reader.
     *
     * @param first   the file's first non-blank line, already split into cells by the general rules
     * @param header  whether that line is a header
     */
    static CsvRows tryRead(Path file, CsvOptions options, char delimiter, String[] first, boolean header,
                           List<String> names) throws IOException {
        if (options.labelColumn() != null || options.missing() != CsvOptions.MissingValues.ERROR) {
            return null;
        }
        int width = first.length;
        int[] featureOf = new int[width];
        java.util.Arrays.fill(featureOf, -1);
        List<Integer> featureCols = new ArrayList<>();
        if (options.columns().isEmpty()) {
            for (int c = 0; c < width; c++) {
                featureCols.add(c);
            }
        } else {
            for (String c : options.columns()) {
                int index = names.indexOf(c);
                if (index < 0) {
                    return null; // an index, or an unknown name: the general reader resolves or explains it
                }
                featureCols.add(index);
            }
        }
        if (featureCols.size() != featureCols.stream().distinct().count()) {
            return null;
        }
        for (int j = 0; j < featureCols.size(); j++) {
            featureOf[featureCols.get(j)] = j;
        }
        int d = featureCols.size();
        try (Arena arena = Arena.ofShared(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            long start = bodyStart(bytes, header);
            if (start < 0) {
                return null;
            }
            long[] bounds = chunkBounds(bytes, start);
            int chunks = bounds.length - 1;
            long[] rowsPerChunk = new long[chunks];
            parallel(chunks, bytes.byteSize()).forEach(c -> rowsPerChunk[c] = countRows(bytes, bounds[c], bounds[c + 1]));
            long[] firstRow = new long[chunks + 1];
            for (int c = 0; c < chunks; c++) {
                firstRow[c + 1] = firstRow[c] + rowsPerChunk[c];
            }
            long n = firstRow[chunks];
            if (n == 0 || n * d > Integer.MAX_VALUE - 8) {
                return null;
            }
            double[] values = new double[(int) (n * d)];
            parallel(chunks, bytes.byteSize()).forEach(c -> parseRows(bytes, bounds[c], bounds[c + 1], delimiter, width,
                    featureOf, d, values, (int) (firstRow[c] * d)));
            return rows(file, values, (int) n, d, featureCols, names, header);
        } catch (NotPlain e) {
            return null;
        }
    }

    private static IntStream parallel(int chunks, long size) {
        IntStream range = IntStream.range(0, chunks);
        return size >= PARALLEL_BYTES ? range.parallel() : range;
    }

    private static CsvRows rows(Path file, double[] values, int n, int d, List<Integer> featureCols, List<String> names,
                                boolean header) {
        int[] lines = new int[n];
        int[] dataRows = new int[n];
        int offset = header ? 2 : 1;
        for (int i = 0; i < n; i++) {
            lines[i] = i + offset; // no blank lines on this path: row i is on line i + offset
            dataRows[i] = i;
        }
        List<String> featureNames = featureCols.stream().map(names::get).toList();
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Dataset dataset = new Dataset(name, DataMatrix.wrap(values, n, d), null, featureNames, List.of());
        return new CsvRows(dataset, header ? List.copyOf(names) : List.of(), lines, dataRows, n);
    }

    /** Where the data begin: after a byte-order mark and, with a header, after the first line; -1 to give up. */
    private static long bodyStart(MemorySegment bytes, boolean header) {
        long size = bytes.byteSize();
        long i = size >= 3 && (bytes.get(ValueLayout.JAVA_BYTE, 0) & 0xff) == 0xEF
                && (bytes.get(ValueLayout.JAVA_BYTE, 1) & 0xff) == 0xBB
                && (bytes.get(ValueLayout.JAVA_BYTE, 2) & 0xff) == 0xBF ? 3 : 0;
        if (i < size && bytes.get(ValueLayout.JAVA_BYTE, i) == '\n') {
            return -1; // leading blank lines: the general reader numbers lines
        }
        if (!header) {
            return i;
        }
        while (i < size && bytes.get(ValueLayout.JAVA_BYTE, i) != '\n') {
            i++;
        }
        return i + 1;
    }

    /** Byte ranges that start at line starts, about 4 MB each. */
    private static long[] chunkBounds(MemorySegment bytes, long start) {
        long size = bytes.byteSize();
        List<Long> bounds = new ArrayList<>();
        bounds.add(start);
        long target = 4L << 20;
        long at = start + target;
        while (at < size) {
            while (at < size && bytes.get(ValueLayout.JAVA_BYTE, at - 1) != '\n') {
                at++;
            }
            if (at < size) {
                bounds.add(at);
            }
            at += target;
        }
        bounds.add(size);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    /** Lines in [from, to); a blank line or a quote sends the file to the general reader. */
    private static long countRows(MemorySegment bytes, long from, long to) {
        long rows = 0;
        boolean lineHasContent = false;
        for (long i = from; i < to; i++) {
            byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (b == '\n') {
                if (!lineHasContent) {
                    throw NotPlain.INSTANCE;
                }
                rows++;
                lineHasContent = false;
            } else if (b == '"' || b < 0) {
                throw NotPlain.INSTANCE;
            } else if (b != '\r' && b != ' ' && b != '\t') {
                lineHasContent = true;
            }
        }
        if (lineHasContent) {
            rows++; // a last line without a newline
        }
        return rows;
    }

    /** Parses the rows of [from, to) into {@code out} from {@code at}, keeping the chosen columns. */
    private static void parseRows(MemorySegment bytes, long from, long to, char delimiter, int width, int[] featureOf,
                                  int d, double[] out, int at) {
        long i = from;
        int row = 0;
        while (i < to) {
            for (int c = 0; c < width; c++) {
                i = skipBlanks(bytes, i, to, delimiter);
                long cellStart = i;
                while (i < to) {
                    byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
                    if (b == delimiter || b == '\n' || b == '\r') {
                        break;
                    }
                    i++;
                }
                long cellEnd = trimEnd(bytes, cellStart, i, delimiter);
                if (featureOf[c] >= 0) {
                    out[at + row * d + featureOf[c]] = parseDecimal(bytes, cellStart, cellEnd);
                }
                byte end = i < to ? bytes.get(ValueLayout.JAVA_BYTE, i) : (byte) '\n';
                boolean last = c == width - 1;
                if (last != (end != delimiter)) {
                    throw NotPlain.INSTANCE; // ragged: the general reader names the line
                }
                if (!last) {
                    i++;
                }
            }
            while (i < to && bytes.get(ValueLayout.JAVA_BYTE, i) != '\n') {
                byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
                if (b != '\r' && b != ' ' && b != '\t') {
                    throw NotPlain.INSTANCE;
                }
                i++;
            }
            i++;
            row++;
        }
    }

    private static long skipBlanks(MemorySegment bytes, long i, long to, char delimiter) {
        while (i < to) {
            byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
            if ((b == ' ' || b == '\t') && b != delimiter) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static long trimEnd(MemorySegment bytes, long from, long end, char delimiter) {
        while (end > from) {
            byte b = bytes.get(ValueLayout.JAVA_BYTE, end - 1);
            if ((b == ' ' || b == '\t') && b != delimiter) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * A decimal number as {@link Csv#isDecimal} defines it ([+-]digits[.digits][e[+-]digits]), to the
     * double {@link Double#parseDouble} gives; anything else gives up.
     */
    static double parseDecimal(MemorySegment bytes, long from, long to) {
        long i = from;
        boolean negative = false;
        if (i < to) {
            byte s = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (s == '+' || s == '-') {
                negative = s == '-';
                i++;
            }
        }
        long significand = 0;
        int digits = 0;
        int scale = 0;
        boolean anyDigit = false;
        boolean exact = true;
        while (i < to) {
            byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (b < '0' || b > '9') {
                break;
            }
            anyDigit = true;
            if (significand != 0 || b != '0') {
                if (digits < 18) {
                    significand = significand * 10 + (b - '0');
                    digits++;
                } else {
                    exact = false;
                    scale++;
                }
            }
            i++;
        }
        if (i < to && bytes.get(ValueLayout.JAVA_BYTE, i) == '.') {
            i++;
            while (i < to) {
                byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
                if (b < '0' || b > '9') {
                    break;
                }
                anyDigit = true;
                if (significand != 0 || b != '0') {
                    if (digits < 18) {
                        significand = significand * 10 + (b - '0');
                        digits++;
                        scale--;
                    } else {
                        exact = false;
                    }
                } else {
                    scale--;
                }
                i++;
            }
        }
        if (!anyDigit) {
            throw NotPlain.INSTANCE;
        }
        if (i < to) {
            byte e = bytes.get(ValueLayout.JAVA_BYTE, i);
            if (e != 'e' && e != 'E') {
                throw NotPlain.INSTANCE;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes.get(ValueLayout.JAVA_BYTE, i) == '+' || bytes.get(ValueLayout.JAVA_BYTE, i) == '-')) {
                negativeExponent = bytes.get(ValueLayout.JAVA_BYTE, i) == '-';
                i++;
            }
            int exponent = 0;
            boolean anyExponentDigit = false;
            while (i < to) {
                byte b = bytes.get(ValueLayout.JAVA_BYTE, i);
                if (b < '0' || b > '9') {
                    throw NotPlain.INSTANCE;
                }
                anyExponentDigit = true;
                exponent = Math.min(exponent * 10 + (b - '0'), 100_000);
                i++;
            }
            if (!anyExponentDigit) {
                throw NotPlain.INSTANCE;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        double value;
        if (exact && significand < (1L << 53) && Math.abs(scale) <= 22) {
            value = scale >= 0 ? significand * POWERS_OF_TEN[scale] : significand / POWERS_OF_TEN[-scale];
        } else {
            byte[] text = bytes.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE);
            value = Math.abs(Double.parseDouble(new String(text, StandardCharsets.US_ASCII)));
        }
        if (!Double.isFinite(value)) {
            throw NotPlain.INSTANCE; // overflow: the general reader says which cell
        }
        return negative ? -value : value;
    }
}
