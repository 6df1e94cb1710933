package dev.gmm.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the test fixtures (objects, arrays, numbers, strings, booleans, null),
 * shared by every module's tests so that none needs a JSON library for its fixtures.
 */
public final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        Json j = new Json(text);
        Object v = j.value();
        j.ws();
        if (j.i != j.s.length()) {
            throw new IllegalArgumentException("trailing text at " + j.i);
        }
        return v;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++; // :
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            case '[': {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            case '"':
                return string();
            case 't':
                i += 4;
                return Boolean.TRUE;
            case 'f':
                i += 5;
                return Boolean.FALSE;
            case 'n':
                i += 4;
                return null;
            default: {
                int start = i;
                while (i < s.length() && "+-0123456789.eEInfinityNa".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String num = s.substring(start, i);
                return switch (num) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(num);
                };
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++; // opening quote
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        i++;
        return b.toString();
    }

    /** Flattens nested lists of numbers, row-major. */
    public static double[] flat(Object nested) {
        List<Double> out = new ArrayList<>();
        flatten(nested, out);
        double[] d = new double[out.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = out.get(k);
        }
        return d;
    }

    private static void flatten(Object o, List<Double> out) {
        if (o instanceof List<?> l) {
            for (Object e : l) {
                flatten(e, out);
            }
        } else {
            out.add(((Number) o).doubleValue());
        }
    }

    public static int[] shape(Object nested) {
        List<Integer> dims = new ArrayList<>();
        Object o = nested;
        while (o instanceof List<?> l) {
            dims.add(l.size());
            o = l.isEmpty() ? null : l.get(0);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The object under {@code key} of a parsed object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    /** A parsed list of numbers as an array. */
    public static double[] vec(Object list) {
        List<?> l = (List<?>) list;
        double[] d = new double[l.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = ((Number) l.get(k)).doubleValue();
        }
        return d;
    }

    /** A parsed list of lists of numbers as a matrix. */
    public static double[][] mat(Object list) {
        List<?> l = (List<?>) list;
        double[][] d = new double[l.size()][];
        for (int k = 0; k < d.length; k++) {
            d[k] = vec(l.get(k));
        }
        return d;
    }
}
