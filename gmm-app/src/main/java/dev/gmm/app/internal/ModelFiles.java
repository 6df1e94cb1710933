package dev.gmm.app.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ShapedArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model JSON of DESIGN.md Decision 4 (sklearn's attribute names) and the start objects of
 * {@code --init-from}. Doubles are written in Java's shortest round-trip form, so they read back
 * bit-exact. Stands in for gmm-datasets' {@code ModelJson} until that module lands.
 */
public final class ModelFiles {
    /** The schema version this writer produces and the newest this reader accepts. */
    public static final int FORMAT_VERSION = 1;

    /** JSON for every command's output. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /** What {@code --init-from} reads: a start object, or a whole model used as a warm start. */
    public sealed interface Start {
        /** {@code {"weights", "means", "precisions"}} as in the sklearn-em fixtures' {@code start}. */
        record Parameters(double[] weights, double[][] means, ShapedArray precisions) implements Start {
        }

        /** A model file: the fit continues from it. */
        record Model(GaussianMixtureModel model) implements Start {
        }
    }

    /** The model as JSON. */
    public static ObjectNode toJson(GaussianMixtureModel model) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format_version", FORMAT_VERSION);
        n.put("covariance_type", model.covarianceType());
        n.put("n_components", model.components());
        n.put("n_features", model.features());
        n.put("reg_covar", model.regCovar());
        n.set("weights", JSON.valueToTree(model.weights()));
        n.set("means", JSON.valueToTree(model.means()));
        n.set("covariances", JSON.valueToTree(model.covariances().toNestedArray()));
        n.set("precisions_cholesky", JSON.valueToTree(model.precisionsCholesky().toNestedArray()));
        n.put("converged", model.report().converged());
        n.put("n_iter", model.report().iterations());
        n.put("lower_bound", model.report().lowerBound());
        return n;
    }

    /** Writes the model JSON. */
    public static void write(GaussianMixtureModel model, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(model));
    }

    /**
     * Reads a model file.
     *
     * @throws IOException naming the file and the missing or malformed field
     */
    public static GaussianMixtureModel read(Path file) throws IOException {
        return fromJson(readTree(file), file);
    }

    /** Reads an {@code --init-from} file: a start object or a model file. */
    public static Start readStart(Path file) throws IOException {
        JsonNode root = readTree(file);
        if (root.has("format_version")) {
            return new Start.Model(fromJson(root, file));
        }
        JsonNode start = root.has("start") ? root.get("start") : root;
        return new Start.Parameters(vector(start, "weights", file), matrix(start, "means", file),
                shaped(start, "precisions", file));
    }

    private static GaussianMixtureModel fromJson(JsonNode root, Path file) throws IOException {
        int version = require(root, "format_version", file).asInt();
        if (version > FORMAT_VERSION) {
            throw new IOException(file + " has format_version " + version + " but this gmm reads up to "
                    + FORMAT_VERSION + "; upgrade gmm");
        }
        String type = require(root, "covariance_type", file).asText();
        double regCovar = root.has("reg_covar") ? root.get("reg_covar").asDouble() : 1e-6;
        FitReport report = new FitReport(root.path("converged").asBoolean(false), root.path("n_iter").asInt(0),
                root.path("lower_bound").asDouble(Double.NEGATIVE_INFINITY), new double[0], 0, "", 0, 0L);
        return GaussianMixtureModel.fromCovariances(type, vector(root, "weights", file), matrix(root, "means", file),
                shaped(root, "covariances", file), regCovar, report);
    }

    private static JsonNode readTree(Path file) throws IOException {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException("file not found: " + file + "; check the path", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode require(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IOException(file + " has no '" + field + "'; give a gmm model file or a start object");
        }
        return v;
    }

    private static double[] vector(JsonNode node, String field, Path file) throws IOException {
        ShapedArray a = shaped(node, field, file);
        if (a.rank() != 1) {
            throw new IOException(file + ": '" + field + "' must be a list of numbers");
        }
        return a.values();
    }

    private static double[][] matrix(JsonNode node, String field, Path file) throws IOException {
        ShapedArray a = shaped(node, field, file);
        if (a.rank() != 2) {
            throw new IOException(file + ": '" + field + "' must be a list of lists of numbers");
        }
        return (double[][]) a.toNestedArray();
    }

    /** A nested JSON array of numbers as a row-major array with its shape. */
    private static ShapedArray shaped(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = require(node, field, file);
        List<Integer> shape = new ArrayList<>();
        JsonNode probe = v;
        while (probe.isArray()) {
            shape.add(probe.size());
            probe = probe.size() == 0 ? null : probe.get(0);
            if (probe == null) {
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        flatten(v, 0, shape, values, file, field);
        return new ShapedArray(shape.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void flatten(JsonNode v, int depth, List<Integer> shape, List<Double> out, Path file, String field)
            throws IOException {
        if (depth == shape.size()) {
            if (!v.isNumber()) {
                throw new IOException(file + ": '" + field + "' holds " + v + " where a number belongs");
            }
            out.add(v.asDouble());
            return;
        }
        if (!v.isArray() || v.size() != shape.get(depth)) {
            throw new IOException(file + ": '" + field + "' is ragged; every row needs the same length");
        }
        for (JsonNode e : v) {
            flatten(e, depth + 1, shape, out, file, field);
        }
    }
}
