package dev.gmm.app.internal.experiments;

import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs experiments the way the app does, and reads their results in tests. */
final class Results {
    private Results() {
    }

    static ExperimentResult run(Experiment experiment, Path data, Map<String, String> options) throws Exception {
        return experiment.run(new ExperimentContext(data, Path.of("target", "experiment-work"), 0, null, options));
    }

    static ExperimentResult runDefault(Experiment experiment) throws Exception {
        return run(experiment, null, Map.of());
    }

    static double number(ExperimentResult r, String key) {
        Object v = r.numbers().get(key);
        if (!(v instanceof Number n)) {
            throw new AssertionError("number " + key + " is " + v + " in " + r.numbers().keySet());
        }
        return n.doubleValue();
    }

    static ExperimentResult.Table table(ExperimentResult r, String titleStart) {
        return r.tables().stream().filter(t -> t.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no table '" + titleStart + "' in "
                        + r.tables().stream().map(ExperimentResult.Table::title).toList()));
    }

    static ExperimentResult.Chart chart(ExperimentResult r, String titleStart) {
        return r.charts().stream().filter(c -> c.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart '" + titleStart + "' in "
                        + r.charts().stream().map(ExperimentResult.Chart::title).toList()));
    }

    static ExperimentResult.Heatmap heatmap(ExperimentResult r, String titleStart) {
        return r.heatmaps().stream().filter(h -> h.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no heat map '" + titleStart + "'"));
    }

    static List<Object> column(ExperimentResult.Table t, String name) {
        int c = t.columns().indexOf(name);
        if (c < 0) {
            throw new AssertionError("no column " + name + " in " + t.columns());
        }
        return t.rows().stream().map(r -> r.get(c)).toList();
    }

    static String findingStarting(ExperimentResult r, String start) {
        return r.findings().stream().filter(f -> f.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding starting '" + start + "' in " + r.findings()));
    }
}
