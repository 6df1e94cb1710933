package dev.gmm.app.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Keeps what depends on the machine and the moment out of {@code results.json}, so that two runs
 * with the same seed write the same bytes there, and puts it in {@code timings.json} instead.
 *
 * <p>An experiment marks a number as a timing by its name: a named number or a table column called
 * {@code seconds} or ending in {@code millis} or {@code _seconds} (the imaging experiments'
 * {@code millis} column, cluster-digits' {@code pca_millis}). The page still shows them.
 */
final class Timings {
    private Timings() {
    }

    static boolean isTiming(String key) {
        return key.equals("seconds") || key.endsWith("millis") || key.endsWith("_seconds");
    }

    /** The named numbers that are results. */
    static Map<String, Object> resultNumbers(ExperimentResult r) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>(r.numbers());
        kept.keySet().removeIf(Timings::isTiming);
        return kept;
    }

    /** The table's columns that are results, by index. */
    static int[] resultColumns(Table t) {
        return IntStream.range(0, t.columns().size()).filter(c -> !isTiming(t.columns().get(c))).toArray();
    }

    /** The table with only the columns picked. */
    static Table project(Table t, int[] columns) {
        List<String> names = IntStream.of(columns).mapToObj(t.columns()::get).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            rows.add(IntStream.of(columns).mapToObj(row::get).toList());
        }
        return new Table(t.title(), names, rows);
    }

    /**
     * One section's timings: its wall time, its timing numbers, and each table's timing columns
     * (rows in the order of the same table in results.json).
     */
    static ObjectNode section(ReportSection section, ObjectMapper json, ResultsJson values) {
        ObjectNode node = json.createObjectNode().put("seconds", section.seconds());
        if (section.failed()) {
            return node;
        }
        ObjectNode numbers = node.putObject("numbers");
        section.result().numbers().forEach((k, v) -> {
            if (isTiming(k)) {
                numbers.set(k, values.value(v));
            }
        });
        ArrayNode tables = node.putArray("tables");
        for (Table t : section.result().tables()) {
            int[] timing = IntStream.range(0, t.columns().size()).filter(c -> isTiming(t.columns().get(c))).toArray();
            if (timing.length > 0) {
                tables.add(values.table(project(t, timing)));
            }
        }
        return node;
    }
}
