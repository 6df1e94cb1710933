package dev.gmm.metrics;

import dev.gmm.testsupport.Json;

import dev.gmm.core.DataMatrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The sklearn 1.2.1 metric fixture (src/test/resources/sklearn-metrics, see PROVENANCE.md). */
final class Fixture {

    private Fixture() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        try (InputStream in = Fixture.class.getResourceAsStream("/sklearn-metrics/metrics.json")) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static DataMatrix x(Map<String, Object> c) {
        List<List<Object>> rows = (List<List<Object>>) c.get("X");
        double[][] a = new double[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = rows.get(i).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        return DataMatrix.of(a);
    }

    @SuppressWarnings("unchecked")
    static int[] ints(Map<String, Object> c, String key) {
        return ((List<Object>) c.get(key)).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Object list) {
        return ((List<Object>) list).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    static double number(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> c, String key) {
        return (Map<String, Object>) c.get(key);
    }

    @SuppressWarnings("unchecked")
    static long[][] longMatrix(Map<String, Object> c, String key) {
        List<List<Object>> rows = (List<List<Object>>) c.get(key);
        return rows.stream().map(r -> r.stream().mapToLong(o -> ((Number) o).longValue()).toArray()).toArray(long[][]::new);
    }
}
