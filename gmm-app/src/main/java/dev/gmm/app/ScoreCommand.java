package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.FiniteOutputs;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmm score}: JSON {n_samples, mean_log_likelihood, bic, aic} (Decision 7's names). */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score data under a model: JSON with n_samples, mean_log_likelihood, bic, aic.")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    ModelAndData input;
    @Option(names = "--out", description = "Output JSON (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (dev.gmm.app.internal.MappedInput.isNpy(input.data)) {
            return NpyPredictAndScore.score(input, out); // mapped, chunked (issue 19)
        }
        input.checkOutput(out);
        SavedModel saved = input.readModel();
        GaussianMixtureModel m = saved.model();
        DataMatrix x = input.readData(saved).dataset().data();
        String source = input.data.toString();
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("n_samples", x.rows());
        json.put("mean_log_likelihood", FiniteOutputs.require(m.score(x), "the mean log-likelihood", source));
        json.put("bic", FiniteOutputs.require(m.bic(x), "bic", source));
        json.put("aic", FiniteOutputs.require(m.aic(x), "aic", source));
        Output.write(out, ModelFiles.JSON.writeValueAsString(json) + System.lineSeparator());
        return 0;
    }
}
