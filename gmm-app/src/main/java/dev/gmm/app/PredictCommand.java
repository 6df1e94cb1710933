package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FiniteOutputs;
import dev.gmm.app.internal.ModelPipeline;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.MixtureModel;
import dev.gmm.datasets.CsvRows;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gmm predict}: component labels, or responsibilities, as CSV: one output line per data row
 * of the input, in order. A row left out by {@code --missing drop} gets an empty label (empty
 * cells with {@code --proba}), so line i of the output always belongs to data row i.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Label each row with its most likely component (or, with --proba, every component's "
                + "probability); a row dropped by --missing drop gets an empty line, so outputs line up with inputs.")
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelAndData input;
    @Option(names = "--proba", description = "Write responsibilities (one column per component) instead of labels.")
    boolean proba;
    @Option(names = "--out", description = "Output CSV (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (dev.gmm.app.internal.MappedInput.isNpy(input.data)) {
            return NpyPredictAndScore.predict(input, proba, out); // mapped, streamed (issue 19)
        }
        input.checkOutput(out);
        SavedModel saved = input.readModel();
        MixtureModel m = saved.mixture();
        CsvRows rows = input.readData(saved);
        // A model fitted on scaled data sees the rows scaled the same way.
        DataMatrix x = new ModelPipeline(saved).toModelUnits(rows.dataset().data());
        String[] lines = new String[rows.dataRows()];
        java.util.Arrays.fill(lines, proba ? ",".repeat(m.components() - 1) : "");
        if (proba) {
            double[][] p = FiniteOutputs.require(FiniteOutputs.scored(() -> m.predictProba(x), "predict_proba",
                    input.data.toString(), rows.lineNumbers()), "predict_proba", input.data.toString(), rows.lineNumbers());
            for (int r = 0; r < p.length; r++) {
                lines[rows.dataRowIndices()[r]] = CsvFiles.formatRow(p[r]);
            }
        } else {
            FiniteOutputs.require(FiniteOutputs.scored(() -> m.scoreSamples(x), "the log-likelihood",
                    input.data.toString(), rows.lineNumbers()), "the log-likelihood", input.data.toString(), rows.lineNumbers());
            int[] labels = m.predict(x);
            for (int r = 0; r < labels.length; r++) {
                lines[rows.dataRowIndices()[r]] = Integer.toString(labels[r]);
            }
        }
        StringBuilder csv = new StringBuilder();
        if (proba) {
            csv.append(String.join(",", CsvFiles.columnNames("component_", m.components()))).append('\n');
        }
        for (String line : lines) {
            csv.append(line).append('\n');
        }
        Output.write(out, csv.toString());
        return 0;
    }
}
