package dev.gmm.app;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.IrisFit;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gmm demo}: the Iris fit of the study, then every registered experiment on bundled or
 * generated data (no download), into one HTML report with PNG plots ({@code DIR/index.html}) and
 * every number it shows in {@code DIR/results.json}. An experiment that fails is reported on the
 * page and the demo goes on; the exit code is then 1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the Iris fit and every experiment on bundled or generated data into DIR/index.html "
                + "(plots), DIR/results.json (results: the same for the same seed) and DIR/timings.json (times).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "gmm-report", description = "Output directory (default: gmm-report).")
    Path out;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: 0).")
    long seed;

    @Override
    public Integer call() throws Exception {
        FileChecks.requireOutputFolder(out, "--out");
        long started = System.nanoTime();
        IrisFit iris = IrisFit.run(seed);
        double irisSeconds = (System.nanoTime() - started) / 1e9;
        List<Experiment> experiments = Plugins.all(Experiment.class);
        StudyReport report = ReportHeader.describe(new StudyReport(out, "gmm — the study, on bundled and generated data",
                ModelFiles.JSON), seed, "gmm demo", experiments.size() + " experiments plus the Iris fit");
        report.extra("iris", iris.json());
        iris.consoleLines().forEach(System.out::println);
        report.add("iris", "the study's Iris check: 145 of 150 flowers in their species' cluster", iris.result(),
                irisSeconds);

        ProgressListener progress = ConsoleProgress.forConsole();
        ExperimentRunner runner = new ExperimentRunner(report, out, progress, System.out);
        int failed = 0;
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            String stage = String.format(Locale.ROOT, "[%d/%d] %s", i + 1, experiments.size(), e.name());
            ReportSection s = runner.run(e, null, seed, Map.of(), stage, true);
            if (s.failed()) {
                failed++;
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
