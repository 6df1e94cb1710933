package dev.gmm.app.internal.report;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs experiments into a report: a heading on stdout, a progress bar on the terminal, the result's
 * summary and findings printed, its figures drawn. Each experiment works in
 * {@code <report dir>/<name>/}, beside its figures.
 */
public final class ExperimentRunner {
    private final StudyReport report;
    private final Path reportDir;
    private final ProgressListener progress;
    private final PrintStream out;

    public ExperimentRunner(StudyReport report, Path reportDir, ProgressListener progress, PrintStream out) {
        this.report = report;
        this.reportDir = reportDir;
        this.progress = progress;
        this.out = out;
    }

    /**
     * Runs one experiment and adds its section.
     *
     * @param stage     how the progress bar names this step ("[2/9] blobs")
     * @param keepGoing when true a failure becomes a failed section (the demo goes on); when false it is thrown
     */
    public ReportSection run(Experiment experiment, Path data, long seed, Map<String, String> options, String stage,
                             boolean keepGoing) throws Exception {
        out.printf(Locale.ROOT, "%n== %s: %s%n", experiment.name(), experiment.description());
        out.flush();
        if (progress instanceof ConsoleProgress bar) {
            bar.stage(stage);
        }
        ExperimentContext context = new ExperimentContext(data, reportDir.resolve(Slugs.slug(experiment.name())), seed,
                progress, options);
        long started = System.nanoTime();
        ExperimentResult result;
        try {
            Files.createDirectories(context.workDir());
            result = experiment.run(context);
            if (result == null) {
                throw new IllegalStateException("experiment " + experiment.name() + " returned no result");
            }
        } catch (Exception | LinkageError | AssertionError e) {
            progress.finish();
            if (!keepGoing) {
                throw e;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            out.println("  FAILED: " + message);
            return report.addFailure(experiment.name(), experiment.description(), message, seconds(started));
        }
        progress.finish();
        double seconds = seconds(started);
        ReportSection section = report.add(experiment.name(), experiment.description(), result, seconds);
        out.println(result.summary());
        result.findings().forEach(f -> out.println("  - " + f));
        long drawn = section.figures().stream().filter(f -> f.file() != null).count();
        out.printf(Locale.ROOT, "  (%.1f s; %d figure%s drawn%s)%n", seconds, drawn, drawn == 1 ? "" : "s",
                drawn < section.figures().size() ? ", " + (section.figures().size() - drawn) + " could not be drawn" : "");
        return section;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
