package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.FiniteOutputs;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.ModelPipeline;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.CsvRows;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gmm score}: JSON {n_samples, mean_log_likelihood, bic, aic} (Decision 7's names), or with
 * {@code --per-row} each row's log-density as CSV (scikit-learn's {@code score_samples}), one line
 * per data row of the input, so the output lines up with the input as predict's does.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score data under a model: JSON with n_samples, mean_log_likelihood, bic, aic; or, with "
                + "--per-row, each row's log-density (score_samples) as CSV, one line per input row (empty for a "
                + "row dropped by --missing drop).",
                "For a model fitted with --standardize or --min-max, densities are of the data in their original "
                        + "units: the mixture's log-density of the scaled row plus the scaling's log-Jacobian "
                        + "(-sum of log scale), so they compare with an unscaled model's. scikit-learn's "
                        + "Pipeline.score_samples gives the scaled data's density, which differs by that constant."})
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    ModelAndData input;
    @Option(names = "--per-row", description = "Write each row's log-density as CSV (header score_samples) "
            + "instead of the JSON summary.")
    boolean perRow;
    @Option(names = "--out", description = "Output file (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (dev.gmm.app.internal.MappedInput.isNpy(input.data)) {
            return NpyPredictAndScore.score(input, out); // mapped, chunked (issue 19)
        }
        input.checkOutput(out);
        SavedModel saved = input.readModel();
        ModelPipeline pipeline = new ModelPipeline(saved);
        CsvRows rows = input.readData(saved);
        DataMatrix x = rows.dataset().data();
        String source = input.data.toString();
        if (perRow) {
            double[] ll = FiniteOutputs.require(FiniteOutputs.scored(() -> pipeline.scoreSamples(x),
                    "the log-likelihood", source, rows.lineNumbers()), "the log-likelihood", source, rows.lineNumbers());
            String[] lines = new String[rows.dataRows()];
            java.util.Arrays.fill(lines, "");
            for (int r = 0; r < ll.length; r++) {
                lines[rows.dataRowIndices()[r]] = Double.toString(ll[r]);
            }
            Output.write(out, "score_samples\n" + String.join("\n", lines) + "\n");
            return 0;
        }
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("n_samples", x.rows());
        json.put("mean_log_likelihood", FiniteOutputs.require(FiniteOutputs.scored(() -> pipeline.score(x),
                "the log-likelihood", source, rows.lineNumbers()), "the mean log-likelihood", source));
        if (pipeline.mixture() instanceof GaussianMixtureModel) { // scikit-learn defines bic and aic for EM models only
            json.put("bic", FiniteOutputs.require(pipeline.bic(x), "bic", source));
            json.put("aic", FiniteOutputs.require(pipeline.aic(x), "aic", source));
        }
        Output.write(out, ModelFiles.JSON.writeValueAsString(json) + System.lineSeparator());
        return 0;
    }
}
