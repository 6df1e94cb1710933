package dev.gmm.app;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.report.ExperimentRunner;
import dev.gmm.app.internal.report.StudyReport;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.datasets.Ravdess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gmm experiment NAME}: one experiment of the study, on its bundled or generated data or on
 * the real data set given by {@code --data}, into the same report as the demo's (index.html with
 * PNG plots, results.json). An unknown name is a user's mistake: exit 2, naming the experiments.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run one experiment of the study into DIR/index.html (plots), "
                + "DIR/results.json (results: the same for the same seed) and DIR/timings.json (times).")
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The experiment (see 'gmm plugins').")
    String name;
    @Option(names = "--data", description = "The real data set (file or directory); default: bundled or generated data.")
    Path data;
    @Option(names = "--out", description = "Output directory (default: gmm-report-NAME, so the demo's gmm-report stays).")
    Path out;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: 0).")
    long seed;
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "An experiment-specific setting (repeatable); "
            + "a key the experiment does not know is refused with the list of those it does, and their defaults.")
    Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Experiment experiment = Plugins.find(Experiment.class, name);
        if (out == null) {
            out = Path.of("gmm-report-" + name);
        }
        if (data != null && !experiment.readsData()) {
            throw new IllegalArgumentException("experiment '" + name + "' always runs on generated or bundled data; "
                    + "drop --data (experiments that read a data set: " + String.join(", ", Plugins.all(Experiment.class)
                    .stream().filter(Experiment::readsData).map(Experiment::name).toList()) + ")");
        }
        // Checked before anything is read or written: a mistyped key or value is a one-line mistake, not a run.
        new ExperimentContext(data, null, seed, null, options).read(experiment);
        if (data != null && !Files.exists(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such file or folder; give the data set's file "
                    + "or folder");
        }
        FileChecks.requireOutputFolder(out, "--out");
        if (data != null && name.equals("audio-emotions")) {
            // Checked here, before features are extracted: the experiment skips badly named files and
            // would only find out that none is left far from the cause.
            Ravdess.requireNamedRecordings(data);
        }
        StudyReport report = ReportHeader.describe(new StudyReport(out, "gmm experiment " + name, ModelFiles.JSON),
                seed, "gmm experiment " + name, data == null ? "bundled or generated data" : "data " + data);
        ExperimentRunner runner = new ExperimentRunner(report, out, ConsoleProgress.forConsole(), System.out);
        runner.run(experiment, data, seed, options, name, false);
        Path page = report.write();
        System.out.printf(Locale.ROOT, "%nReport: %s (numbers in %s)%n", page.toAbsolutePath(),
                out.resolve("results.json").toAbsolutePath());
        return 0;
    }
}
