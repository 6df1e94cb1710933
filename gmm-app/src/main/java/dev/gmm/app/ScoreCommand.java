package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
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
        GaussianMixtureModel m = input.readModel();
        DataMatrix x = input.readData();
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("n_samples", x.rows());
        json.put("mean_log_likelihood", m.score(x));
        json.put("bic", m.bic(x));
        json.put("aic", m.aic(x));
        Output.write(out, ModelFiles.JSON.writeValueAsString(json) + System.lineSeparator());
        return 0;
    }
}
