package dev.gmm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whole-fit timings at two iteration counts into seconds per EM iteration,
 * (t(I2) − t(I1)) / (I2 − I1), which cancels loading, set-up and a peer's final E-step the same way
 * bench_sklearn.py does, and lays them out as the table, one column per peer.
 */
public final class PerIterationTable {

    /** One timed fit: {@code seconds} for a fit of {@code iterations} EM iterations. */
    public record Timing(String peer, String workload, String covariance, int iterations, double seconds) {
    }

    /** The rows of the table, in its order (W1 diag is extra: every peer with diag has it). */
    static final List<String> ROWS = List.of("W1 full", "W2 full", "W3 full", "W4 full", "W1 diag", "W2 diag",
            "W3 diag", "W4 diag");

    private static final Pattern SKLEARN_MEDIAN = Pattern.compile("\"s_per_iter_median\"\\s*:\\s*([-+0-9.eE]+)");

    private final Map<String, Map<String, Double>> secondsPerIteration = new LinkedHashMap<>();

    /** Pairs the smallest and the largest iteration count of every (peer, workload, covariance). */
    public static PerIterationTable of(List<Timing> timings) {
        Map<String, TreeMap<Integer, Double>> byCell = new LinkedHashMap<>();
        for (Timing t : timings) {
            byCell.computeIfAbsent(t.peer() + "\u0000" + t.workload() + " " + t.covariance(), k -> new TreeMap<>())
                    .put(t.iterations(), t.seconds());
        }
        PerIterationTable table = new PerIterationTable();
        byCell.forEach((key, times) -> {
            if (times.size() < 2) {
                return; // one iteration count gives no difference
            }
            String[] parts = key.split("\u0000");
            double perIteration = (times.lastEntry().getValue() - times.firstEntry().getValue())
                    / (times.lastKey() - times.firstKey());
            table.put(parts[0], parts[1], perIteration);
        });
        return table;
    }

    /** Adds scikit-learn's medians from the JSON files bench_sklearn.py wrote into {@code resultsDir}. */
    public PerIterationTable withSklearn(Path resultsDir) throws IOException {
        for (String row : ROWS) {
            String[] cell = row.split(" ");
            Path json = resultsDir.resolve("sklearn_" + cell[0] + "_" + cell[1] + ".json");
            if (Files.exists(json)) {
                Matcher m = SKLEARN_MEDIAN.matcher(Files.readString(json));
                if (!m.find()) {
                    throw new IOException(json + " has no s_per_iter_median: rerun bench_sklearn.py");
                }
                put("scikit-learn", row, Double.parseDouble(m.group(1)));
            }
        }
        return this;
    }

    private void put(String peer, String row, double seconds) {
        secondsPerIteration.computeIfAbsent(peer, p -> new LinkedHashMap<>()).put(row, seconds);
    }

    /** Seconds per iteration of one cell, or NaN when it was not measured. */
    public double seconds(String peer, String row) {
        return secondsPerIteration.getOrDefault(peer, Map.of()).getOrDefault(row, Double.NaN);
    }

    /** A Markdown table: rows W1–W4 full then diag, one column per peer, "·" where a cell was not run. */
    public String markdown() {
        List<String> peers = new ArrayList<>(secondsPerIteration.keySet());
        peers.sort((a, b) -> Integer.compare(order(a), order(b)));
        StringBuilder out = new StringBuilder("| workload | cov |");
        peers.forEach(p -> out.append(' ').append(p).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(peers.size())).append('\n');
        for (String row : ROWS) {
            if (peers.stream().allMatch(p -> Double.isNaN(seconds(p, row)))) {
                continue;
            }
            String[] cell = row.split(" ");
            out.append("| ").append(cell[0]).append(" | ").append(cell[1]).append(" |");
            for (String p : peers) {
                double s = seconds(p, row);
                out.append(' ').append(Double.isNaN(s) ? "·" : format(s)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Three significant digits: the machine's noise is larger than that. */
    static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3g", seconds);
    }

    private static int order(String peer) {
        List<String> known = List.of("scikit-learn", "Smile", "Commons Math", "gmm scalar", "gmm SIMD", "gmm SIMD float32");
        int i = known.indexOf(peer.replaceAll(" \\(.*\\)$", ""));
        return i < 0 ? known.size() : i;
    }
}
