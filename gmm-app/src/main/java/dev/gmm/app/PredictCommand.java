package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmm predict}: component labels, or responsibilities, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Label each row with its most likely component (or, with --proba, every component's probability).")
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelAndData input;
    @Option(names = "--proba", description = "Write responsibilities (one column per component) instead of labels.")
    boolean proba;
    @Option(names = "--out", description = "Output CSV (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        GaussianMixtureModel m = input.readModel();
        DataMatrix x = input.readData();
        String csv = proba
                ? CsvFiles.formatMatrix(DataMatrix.of(m.predictProba(x)), CsvFiles.columnNames("component_", m.components()))
                : CsvFiles.formatInts(m.predict(x));
        Output.write(out, csv);
        return 0;
    }
}
