package dev.gmm.core;

import dev.gmm.testsupport.Json;
import dev.gmm.testsupport.SharedFixtures;

import java.util.List;
import java.util.Map;

/** Reads the scikit-learn 1.2.1 fixtures that gmm-test-support holds (fixtures/sklearn-em). */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        return SharedFixtures.text("sklearn-em", name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String name) {
        return (Map<String, Object>) Json.parse(text(name));
    }

    @SuppressWarnings("unchecked")
    static List<Object> jsonList(String name) {
        return (List<Object>) Json.parse(text(name));
    }

    static DataMatrix csv(String name) {
        List<String> lines = text(name).lines().filter(l -> !l.isBlank()).toList();
        double[][] rows = new double[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i).split(",");
            rows[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                rows[i][j] = Double.parseDouble(cells[j].trim());
            }
        }
        return DataMatrix.of(rows);
    }

    static int[] labels(String name) {
        return text(name).lines().filter(l -> !l.isBlank()).mapToInt(l -> (int) Double.parseDouble(l.trim())).toArray();
    }

    static List<String> index() {
        return jsonList("INDEX.json").stream().map(Object::toString).toList();
    }
}
