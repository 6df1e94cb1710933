package dev.gmm.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0): the magic string, the
 * version, the header length and a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }}. Only what gmm can map is accepted — little-endian float64 or float32, C order,
 * one or two dimensions — and anything else is refused with an {@link IOException} that names the
 * file, what it holds and what was expected.
 *
 * @param version    the major format version (1, 2 or 3)
 * @param float32    whether the values are {@code <f4} rather than {@code <f8}
 * @param rows       the first dimension
 * @param cols       the second dimension (1 for a one-dimensional array)
 * @param dataOffset where the values start: the preamble plus the header
 */
record NpyHeader(int version, boolean float32, int rows, int cols, long dataOffset) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy's own np.load refuses headers longer than 10,000 bytes unless told otherwise; so do we (at 64 KiB). */
    static final int MAX_HEADER_BYTES = 65_536;

    /** Bytes per value. */
    int itemSize() {
        return float32 ? Float.BYTES : Double.BYTES;
    }

    /** The bytes the shape and dtype say follow the header. */
    long dataBytes() {
        return (long) rows * cols * itemSize();
    }

    String describe() {
        return "shape (" + rows + ", " + cols + ") of " + (float32 ? "'<f4' (float32)" : "'<f8' (float64)");
    }

    /**
     * The preamble's length and the header's length, from the first 12 bytes (fewer when the file is
     * shorter): [where the dict starts, how long it is].
     */
    static long[] preamble(Path file, byte[] start, int length) throws IOException {
        if (length < 10 || !startsWithMagic(start)) {
            throw new IOException(file + " is not a NumPy .npy file: it does not start with \\x93NUMPY "
                    + "(expected a file written by numpy.save)");
        }
        int major = start[6] & 0xff;
        int minor = start[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new IOException(file + ": .npy format version " + major + "." + minor
                    + " is not supported; expected 1.0, 2.0 or 3.0 (what numpy.save writes)");
        }
        if (major == 1) {
            return new long[] {10, (start[8] & 0xff) | (start[9] & 0xff) << 8};
        }
        if (length < 12) {
            throw new IOException(file + " is truncated inside its .npy preamble (" + length
                    + " bytes); expected a 12-byte preamble and a header");
        }
        long headerLength = (start[8] & 0xffL) | (start[9] & 0xffL) << 8 | (start[10] & 0xffL) << 16
                | (start[11] & 0xffL) << 24;
        return new long[] {12, headerLength};
    }

    private static boolean startsWithMagic(byte[] start) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (start[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses the dict of a version-{@code major} header that starts at {@code offset}. */
    static NpyHeader parse(Path file, int major, byte[] dictBytes, long offset) throws IOException {
        String text = new String(dictBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new DictParser(file, text).dict();
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new IOException(file + ": the .npy header has no '" + key + "' key; expected "
                        + "{'descr': ..., 'fortran_order': ..., 'shape': ...} as numpy.save writes it");
            }
        }
        boolean float32 = dtype(file, dict.get("descr"));
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IOException(file + ": 'fortran_order' is " + dict.get("fortran_order") + "; expected True or False");
        }
        if (fortran) {
            throw new IOException(file + " is stored in Fortran (column-major) order; gmm maps C-order (row-major) "
                    + "arrays: save it with numpy.save(path, numpy.ascontiguousarray(x))");
        }
        int[] shape = shape(file, dict.get("shape"));
        return new NpyHeader(major, float32, shape[0], shape[1], offset + dictBytes.length);
    }

    private static boolean dtype(Path file, Object descr) throws IOException {
        if (!(descr instanceof String d)) {
            throw new IOException(file + " holds a structured dtype " + descr + "; expected a plain '<f8' (float64) or "
                    + "'<f4' (float32) array: save x.astype('<f8')");
        }
        switch (d) {
            case "<f8":
                return false;
            case "<f4":
                return true;
            case ">f8", ">f4":
                throw new IOException(file + " holds big-endian floats ('" + d + "'); expected little-endian '<f8' or "
                        + "'<f4': save x.astype('" + d.replace('>', '<') + "')");
            default:
                throw new IOException(file + " holds dtype '" + d + "'; expected '<f8' (float64) or '<f4' (float32): "
                        + "save x.astype('<f8')");
        }
    }

    private static int[] shape(Path file, Object shape) throws IOException {
        if (!(shape instanceof List<?> dims) || dims.isEmpty() || dims.size() > 2) {
            throw new IOException(file + " has shape " + (shape instanceof List<?> l ? render(l) : shape)
                    + "; expected a 2-D array (rows, features) or a 1-D "
                    + "array of rows: reshape it with x.reshape(len(x), -1)");
        }
        long rows = (Long) dims.get(0);
        long cols = dims.size() == 2 ? (Long) dims.get(1) : 1;
        if (rows < 1 || cols < 1) {
            throw new IOException(file + " has shape " + render(dims) + ", which holds no values; expected at least one "
                    + "row of at least one feature");
        }
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw new IOException(file + " has shape " + render(dims) + "; gmm reads at most " + Integer.MAX_VALUE
                    + " rows and as many features");
        }
        if (Math.multiplyHigh(rows, cols) != 0 || rows * cols > Long.MAX_VALUE / 8) {
            throw new IOException(file + " has shape " + render(dims) + ", more values than any file can hold");
        }
        return new int[] {(int) rows, (int) cols};
    }

    private static String render(List<?> dims) {
        return "(" + String.join(", ", dims.stream().map(String::valueOf).toList()) + (dims.size() == 1 ? ",)" : ")");
    }

    /** A recursive-descent reader of the dict literal: strings, True/False, integers and tuples of them. */
    private static final class DictParser {
        private final Path file;
        private final String text;
        private int at;

        DictParser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, Object> dict() throws IOException {
            expect('{');
            Map<String, Object> out = new HashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    at++;
                    break;
                }
                Object key = value();
                if (!(key instanceof String name)) {
                    throw error("a key in quotes");
                }
                expect(':');
                out.put(name, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw error("',' or '}'");
                }
            }
            skipSpace();
            if (at != text.length()) {
                throw error("the end of the header after '}'");
            }
            return out;
        }

        private Object value() throws IOException {
            return value(0);
        }

        private Object value(int depth) throws IOException {
            if (depth > 4) {
                throw error("a flat value (tuples nest at most 4 deep here)");
            }
            skipSpace();
            char c = peek();
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, at + 1);
                if (end < 0) {
                    throw error("a closing " + c);
                }
                String s = text.substring(at + 1, end);
                at = end + 1;
                return s;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                at++;
                List<Object> items = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (peek() == close) {
                        at++;
                        return c == '(' ? longs(items) : items;
                    }
                    items.add(value(depth + 1));
                    skipSpace();
                    if (peek() == ',') {
                        at++;
                    } else if (peek() != close) {
                        throw error("',' or '" + close + "'");
                    }
                }
            }
            if (text.startsWith("True", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-' && at == start)) {
                at++;
            }
            if (at == start || at - start > 19) {
                throw error("a string, True, False, an integer or a tuple");
            }
            long v;
            try {
                v = Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("an integer");
            }
            if (at < text.length() && text.charAt(at) == 'L') {
                at++; // Python 2 wrote long integers as 3L
            }
            return v;
        }

        /** A tuple is a shape: integers only. */
        private Object longs(List<Object> items) throws IOException {
            for (Object o : items) {
                if (!(o instanceof Long)) {
                    throw new IOException(file + ": the .npy header has a tuple with " + o + "; expected integers (a shape)");
                }
            }
            return items;
        }

        private void expect(char c) throws IOException {
            skipSpace();
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private char peek() throws IOException {
            if (at >= text.length()) {
                throw error("more of the header (it ends too early)");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IOException error(String expected) {
            String near = text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 10))
                    .replaceAll("\\p{Cntrl}", "?");
            return new IOException(file + ": cannot read the .npy header at character " + at + " (near \"" + near
                    + "\"): expected " + expected);
        }
    }
}
