package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.ChunkedScoring;
import dev.gmm.app.internal.MappedInput;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code gmm predict} and {@code gmm score} on {@code --data X.npy}: the file is mapped, not read, and
 * the rows go through the model a chunk at a time, so memory does not depend on the number of rows;
 * predictions are written as they are computed.
 */
final class NpyPredictAndScore {
    private NpyPredictAndScore() {
    }

    static int predict(ModelAndData input, boolean proba, Path out) throws IOException {
        input.checkOutput(out);
        GaussianMixtureModel model = input.readModel().model();
        try (MappedInput mapped = MappedInput.open(input.data, "--data")) {
            requireColumns(input.data, mapped.data(), model);
            if (out == null) {
                Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                mapped.use(x -> {
                    ChunkedScoring.predict(model, x, proba, stdout);
                    stdout.flush();
                    return null;
                });
            } else {
                mapped.use(x -> {
                    AtomicFiles.write(out, stream -> {
                        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                        ChunkedScoring.predict(model, x, proba, w);
                        w.flush();
                    });
                    return null;
                });
            }
        }
        return 0;
    }

    static int score(ModelAndData input, Path out) throws IOException {
        input.checkOutput(out);
        GaussianMixtureModel model = input.readModel().model();
        try (MappedInput mapped = MappedInput.open(input.data, "--data")) {
            requireColumns(input.data, mapped.data(), model);
            int n = mapped.data().rows();
            double total = mapped.use(x -> ChunkedScoring.totalLogLikelihood(model, x, input.data.toString()));
            ObjectNode json = ModelFiles.JSON.createObjectNode();
            json.put("n_samples", n);
            json.put("mean_log_likelihood", total / n);
            json.put("bic", ChunkedScoring.bic(model, total, n));
            json.put("aic", ChunkedScoring.aic(model, total));
            Output.write(out, ModelFiles.JSON.writeValueAsString(json) + System.lineSeparator());
        }
        return 0;
    }

    static void requireColumns(Path file, DataMatrix x, GaussianMixtureModel model) {
        if (x.cols() != model.features()) {
            throw new IllegalArgumentException(file + ": " + x.cols() + " columns but the model has " + model.features()
                    + " features; score the data the model was fitted on (an .npy file's columns are all features)");
        }
    }
}
