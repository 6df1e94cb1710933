package dev.gmm.app.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ShapedArray;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.datasets.io.SavedModel;
import dev.gmm.datasets.io.StartParameters;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The app's model files: the JSON codec is gmm-datasets' {@link ModelJson} (Decision 4); this class
 * only decides what {@code --init-from} means for a file.
 */
public final class ModelFiles {
    /** The JSON mapper for the app's own outputs (scores, selections, metrics). */
    public static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {
    }

    /** What {@code --init-from} names: explicit start parameters, or a whole model to warm-start from. */
    public sealed interface Start {
        /** A start object (sklearn's weights_init, means_init, precisions_init). */
        record Parameters(double[] weights, double[][] means, ShapedArray precisions) implements Start {
        }

        /** A model file: EM continues from it (sklearn's warm_start). */
        record Model(GaussianMixtureModel model) implements Start {
        }

        /**
         * {@code {"responsibilities": [[...], ...]}}, N × K: one M-step from them, then EM (sklearn's
         * {@code _initialize(X, resp)}, mclust's {@code me(X, model, z0)}).
         */
        record Responsibilities(double[][] values) implements Start {
        }
    }

    /** The model file given by {@code flag}, with its column names. */
    public static SavedModel read(Path file, String flag) throws IOException {
        FileChecks.requireInputFile(file, flag);
        return ModelJson.readSaved(file);
    }

    public static void write(SavedModel model, Path file) throws IOException {
        ModelJson.write(model, file);
    }

    /**
     * A model file (it has a format_version) warm-starts; anything else is read as a start object of
     * the given covariance type (which tells tied from diag precisions when K equals D).
     */
    public static Start readStart(Path file, String covarianceType) throws IOException {
        FileChecks.requireInputFile(file, "--init-from");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root != null && root.has("format_version")) {
            return new Start.Model(ModelJson.read(file));
        }
        if (root != null && root.has("responsibilities")) {
            return new Start.Responsibilities(responsibilities(root.get("responsibilities"), file));
        }
        com.fasterxml.jackson.databind.node.ObjectNode start = root != null && root.has("start") && root.get("start").isObject()
                ? (com.fasterxml.jackson.databind.node.ObjectNode) root.get("start")
                : root instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null;
        if (start == null) {
            throw new IOException(file + " is neither a model file, a start object {weights, means, precisions} nor "
                    + "{responsibilities: [[...]]}");
        }
        if (!start.has("covariance_type")) {
            start.put("covariance_type", covarianceType);
        }
        StartParameters p;
        try {
            p = ModelJson.startFromJson(JSON.writeValueAsString(start));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new Start.Parameters(p.weights(), p.means(), p.precisions());
    }

    /** An array of N rows of K numbers; the fit checks that N matches the data and that rows sum to 1. */
    private static double[][] responsibilities(JsonNode node, Path file) throws IOException {
        if (!node.isArray() || node.isEmpty()) {
            throw new IOException(file + ": \"responsibilities\" must be a non-empty array of rows (N x K numbers)");
        }
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) {
                throw new IOException(file + ": responsibilities row " + i + " is not an array of K numbers");
            }
            out[i] = new double[row.size()];
            for (int k = 0; k < out[i].length; k++) {
                if (!row.get(k).isNumber()) {
                    throw new IOException(file + ": responsibilities[" + i + "][" + k + "] is " + row.get(k)
                            + ", not a number");
                }
                out[i][k] = row.get(k).doubleValue();
            }
        }
        return out;
    }
}
