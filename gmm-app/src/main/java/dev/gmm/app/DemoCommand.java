package dev.gmm.app;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.report.ExperimentRunner;
import dev.gmm.app.internal.report.ReportSection;
import dev.gmm.app.internal.report.StudyReport;
import dev.gmm.core.Plugins;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gmm demo}: the study's Iris check (experiment {@code iris}) first, then every other
 * registered experiment on bundled or generated data (no download), into one HTML report with PNG
 * plots ({@code DIR/index.html}) and every number it shows in {@code DIR/results.json}, whose
 * top-level "iris" repeats the Iris check's numbers. An experiment that fails is reported on the page
 * and the demo goes on; the exit code is then 1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the Iris check and every other experiment on bundled or generated data into DIR/index.html "
                + "(plots), DIR/results.json (results: the same for the same seed) and DIR/timings.json (times).")
final class DemoCommand implements Callable<Integer> {
    private static final String IRIS = "iris";
    @Option(names = "--out", defaultValue = "gmm-report", description = "Output directory (default: gmm-report).")
    Path out;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: 0).")
    long seed;

    @Override
    public Integer call() throws Exception {
        FileChecks.requireOutputFolder(out, "--out");
        long started = System.nanoTime();
        // The Iris check first: it is the study's headline number.
        List<Experiment> experiments = new ArrayList<>(Plugins.all(Experiment.class));
        experiments.sort(Comparator.comparing((Experiment e) -> !e.name().equals(IRIS)));
        StudyReport report = ReportHeader.describe(new StudyReport(out, "gmm — the study, on bundled and generated data",
                ModelFiles.JSON), seed, "gmm demo", experiments.size() + " experiments, the Iris check first");

        ProgressListener progress = ConsoleProgress.forConsole();
        ExperimentRunner runner = new ExperimentRunner(report, out, progress, System.out);
        int failed = 0;
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            String stage = String.format(Locale.ROOT, "[%d/%d] %s", i + 1, experiments.size(), e.name());
            ReportSection s = runner.run(e, null, seed, Map.of(), stage, true);
            if (s.failed()) {
                failed++;
            } else if (e.name().equals(IRIS)) {
                report.extra(IRIS, ModelFiles.JSON.valueToTree(s.result().numbers()));
            }
        }
        Path page = report.write();
        System.out.printf(Locale.ROOT, "%nReport: %s (numbers in %s), %.1f s%n", page.toAbsolutePath(),
                out.resolve("results.json").toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        if (failed > 0) {
            System.err.printf(Locale.ROOT, "gmm: %d of %d experiments failed; the report says why%n", failed,
                    experiments.size());
            return 1;
        }
        return 0;
    }
}
