package dev.gmm.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceModel;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model JSON format (DESIGN.md Decision 4): sklearn's attribute names and shapes, doubles
 * written in their shortest round-tripping form so a model survives write/read bit-exact.
 *
 * <p>{@code feature_names_in} (the training columns' names, absent when the data had no header)
 * is written under {@code format_version} 1: it adds to the model without changing what any other
 * key means, so a reader that ignores it still reads the same mixture (Decision 20 bumps the
 * version only where an older reader would misread a file, e.g. a stored scaler).
 *
 * <p>{@code scaler} ({@code {"kind": "standardize"|"min-max", "offset": [D], "scale": [D]}}: the
 * mixture was fitted on {@code (x - offset) / scale}) changes what {@code means} and
 * {@code covariances} are measured in, so a file with one is written as {@code format_version} 2,
 * which a version-1 reader refuses instead of misreading; files without one stay version 1.
 *
 * <p>{@code decomposition} ({@code {"scale": [K], "shape": [K][D], "orientation": [K][D][D]}}, each
 * covariance as mclust's λₖ·Dₖ·Aₖ·Dₖᵀ) is written where the covariance model offers one (mclust's 14
 * models) and also stays under {@code format_version} 1: it is derived from {@code covariances}, which
 * remain what the model is read from; a reader checks it against them (see {@link DecompositionJson}).
 *
 * <p>Reading validates the file as a whole, since a model file may have been edited or damaged:
 * no key twice, sizes that agree with {@code n_components} and {@code n_features} (checked before
 * anything is allocated), finite numbers, non-negative weights summing to 1, and covariances that
 * are symmetric positive definite.
 */
public final class ModelJson {
    /** The newest format version this class reads (and writes, for a model with a scaler or a variational fit). */
    public static final int FORMAT_VERSION = 2;

    /** The version of a plain EM file (no scaler): what any older reader reads the same way (Decision 20). */
    static final int PLAIN_FORMAT_VERSION = 1;

    /**
     * The covariance types every reader has: a file of any other type also stores {@code n_parameters} and
     * the {@code precision_factors} (see {@link PrecisionFactorsJson}), so that it scores where its plugin
     * is not installed.
     */
    static final java.util.Set<String> BUILT_IN_TYPES = java.util.Set.of("full", "tied", "diag", "spherical");

    /** How far the weights' sum may be from 1, relative: sklearn's own weights are normalised to ~1e-16. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    // A duplicated key would otherwise silently win (the last one); in a model file it means damage.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /** The model as JSON text, without feature names. */
    public static String toJson(GaussianMixtureModel m) {
        return toJson(SavedModel.withoutNames(m));
    }

    /** The model and its metadata as JSON text. */
    public static String toJson(SavedModel saved) {
        GaussianMixtureModel m = saved.model();
        ObjectNode root = MAPPER.createObjectNode();
        // version 2 only where a version-1 reader would misread the file (Decision 20); the variational
        // part writes its own version 2 below
        root.put("format_version", saved.hasScaler() ? FORMAT_VERSION : PLAIN_FORMAT_VERSION);
        root.put("covariance_type", m.covarianceType());
        root.put("n_components", m.components());
        root.put("n_features", m.features());
        root.put("reg_covar", m.regCovar());
        root.set("weights", vector(m.weights()));
        ArrayNode means = root.putArray("means");
        for (double[] mean : m.means()) {
            means.add(vector(mean));
        }
        root.set("covariances", nested(m.covariances(), 0, 0));
        root.set("precisions_cholesky", nested(m.precisionsCholesky(), 0, 0));
        root.put("n_parameters", m.numParameters());
        if (!BUILT_IN_TYPES.contains(m.covarianceType())) {
            PrecisionFactorsJson.write(root, m.parameters());
        }
        DecompositionJson.write(root, m);
        FitReport r = m.report();
        root.put("converged", r.converged());
        root.put("n_iter", r.iterations());
        root.put("lower_bound", r.lowerBound());
        if (saved.hasFeatureNames()) {
            ArrayNode names = root.putArray("feature_names_in");
            saved.featureNamesIn().forEach(names::add);
        }
        if (saved.hasScaler()) {
            ObjectNode scaler = root.putObject("scaler");
            scaler.put("kind", saved.scaler().kind());
            scaler.set("offset", vector(saved.scaler().offset()));
            scaler.set("scale", vector(saved.scaler().scale()));
        }
        if (saved.isVariational()) {
            VariationalModelJson.write(root, saved.variational());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write model JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the model to {@code file} as UTF-8 JSON (all at once: see {@link AtomicFiles}). */
    public static void write(GaussianMixtureModel m, Path file) throws IOException {
        write(SavedModel.withoutNames(m), file);
    }

    /** Writes the model and its metadata to {@code file} as UTF-8 JSON (all at once: see {@link AtomicFiles}). */
    public static void write(SavedModel saved, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(saved));
    }

    /**
     * A model from JSON text.
     *
     * @throws IllegalArgumentException when the text is not a model file, naming the field at fault
     */
    public static GaussianMixtureModel fromJson(String json) {
        return unscaled(savedFromJson(json), "model JSON");
    }

    /**
     * A model and its metadata from JSON text.
     *
     * @throws IllegalArgumentException when the text is not a valid model file, naming the field at fault
     */
    public static SavedModel savedFromJson(String json) {
        return saved(parse(json, "model JSON"), "model JSON");
    }

    /**
     * Reads a model file (its column names left out: see {@link #readSaved}); a model with a stored
     * scaler is refused, since its mixture alone would misread unscaled rows.
     */
    public static GaussianMixtureModel read(Path file) throws IOException {
        try {
            return unscaled(readSaved(file), "model file " + file);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The mixture alone, for a model fitted on unscaled data: a scaled model's means are in scaled
     * units, so handing it out without its scaler would silently misread every row given to it.
     */
    private static GaussianMixtureModel unscaled(SavedModel saved, String where) {
        if (saved.hasScaler()) {
            throw new IllegalArgumentException(where + " holds a model fitted on " + saved.scaler().kind()
                    + "-scaled data; read it with ModelJson.readSaved (or savedFromJson), which returns the scaler"
                    + " with the mixture");
        }
        return saved.model();
    }

    /**
     * Reads a model file with its metadata.
     *
     * @throws IOException when the file cannot be read or is not a valid model file, naming the file
     *                     and what is wrong with it
     */
    public static SavedModel readSaved(Path file) throws IOException {
        return readFile(file, "model file ", ModelJson::saved);
    }

    /**
     * Start parameters from JSON text: either a start object {@code {"weights","means","precisions"}}
     * or a whole model file (then the precisions are computed from its precision Cholesky factors).
     * A start object needs a {@code covariance_type} beside it only when the rank of
     * {@code precisions} is ambiguous; without one it is inferred from the rank and shape.
     */
    public static StartParameters startFromJson(String json) {
        return start(parse(json, "start JSON"), "start JSON");
    }

    /** Reads start parameters from a start file or a model file (see {@link #startFromJson}). */
    public static StartParameters readStart(Path file) throws IOException {
        return readFile(file, "start file ", ModelJson::start);
    }

    /** Reads and decodes a file, turning content errors into IOExceptions that name the file. */
    private static <T> T readFile(Path file, String kind, java.util.function.BiFunction<JsonNode, String, T> decode)
            throws IOException {
        String where = kind + file;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(where + " is not UTF-8 text; expected the JSON file gmm fit writes", e);
        }
        try {
            return decode.apply(parse(text, where), where);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- reading ----

    private static JsonNode parse(String json, String where) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object; expected a model or start object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static SavedModel saved(JsonNode root, String where) {
        GaussianMixtureModel model = model(root, where);
        StoredScaler scaler = scaler(root, model.features(), where);
        BayesianGaussianMixtureModel variational = VariationalModelJson.readIfVariational(root, model, where);
        JsonNode names = root.get("feature_names_in");
        if (names == null || names.isNull()) {
            return new SavedModel(model, java.util.List.of(), scaler, variational);
        }
        if (!names.isArray() || names.size() != model.features()) {
            throw new IllegalArgumentException(where + ": field \"feature_names_in\" must be an array of "
                    + model.features() + " column names (one per feature), not " + names);
        }
        java.util.List<String> list = new java.util.ArrayList<>();
        for (JsonNode n : names) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(where + ": field \"feature_names_in\" holds " + n
                        + "; every entry must be a column name (a string)");
            }
            list.add(n.textValue());
        }
        try {
            return new SavedModel(model, list, scaler, variational);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The stored scaler, or null; only a format_version 2 file may have one. */
    private static StoredScaler scaler(JsonNode root, int d, String where) {
        JsonNode s = root.get("scaler");
        if (s == null || s.isNull()) {
            return null;
        }
        if (integer(root, "format_version", where) < 2) {
            throw new IllegalArgumentException(where + " is broken: it has a \"scaler\" but format_version 1; a "
                    + "scaled model is written as format_version 2");
        }
        if (!s.isObject()) {
            throw new IllegalArgumentException(where + ": field \"scaler\" must be an object {kind, offset, scale}");
        }
        try {
            return new StoredScaler(text(s, "kind", where + " scaler"), vector(field(s, "offset", where), "scaler.offset",
                    d, where), vector(field(s, "scale", where), "scaler.scale", d, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + " is broken: " + e.getMessage(), e);
        }
    }

    private static GaussianMixtureModel model(JsonNode root, String where) {
        int version = integer(root, "format_version", where);
        if (version > FORMAT_VERSION || version < 1) {
            throw new IllegalArgumentException(where + ": format_version " + version + " is not supported; this "
                    + "version of gmm reads format_version 1 to " + FORMAT_VERSION + " (upgrade gmm to read newer files)");
        }
        String type = text(root, "covariance_type", where);
        int k = integer(root, "n_components", where);
        int d = integer(root, "n_features", where);
        checkSizes(root, k, d, where);
        double regCovar = number(field(root, "reg_covar", where), "reg_covar", where);
        if (regCovar < 0) {
            throw new IllegalArgumentException(where + " is broken: reg_covar is " + regCovar + "; it is never negative");
        }
        double[] weights = vector(field(root, "weights", where), "weights", k, where);
        checkWeights(weights, where);
        double[][] means = matrix(field(root, "means", where), "means", k, d, where);
        long storedParameters = parameterCount(root, k, d, where);
        boolean converged = bool(root, "converged", where);
        int nIter = integer(root, "n_iter", where);
        double lowerBound = number(field(root, "lower_bound", where), "lower_bound", where);
        FitReport report = new FitReport(converged, nIter, lowerBound, new double[0], 0, "file", 0, 0);
        GaussianMixtureModel model;
        if (BUILT_IN_TYPES.contains(type) || installed(type)) {
            ShapedArray covariances = shaped(field(root, "covariances", where), "covariances",
                    expectedShape(type, k, d, where), where);
            CovarianceCheck.requirePositiveDefinite(type, covariances, where);
            if (root.has("precisions_cholesky")) {
                shaped(root.get("precisions_cholesky"), "precisions_cholesky", expectedShape(type, k, d, where), where);
            }
            try {
                model = GaussianMixtureModel.fromCovariances(type, weights, means, covariances, regCovar, report);
            } catch (IllegalArgumentException | ArithmeticException e) {
                // A plugin's covariance model validates its own parameters; the file, not the fit, is at fault.
                throw new IllegalArgumentException(where + " is broken: its covariances cannot be used ("
                        + e.getMessage() + "); the file was changed or damaged after it was written: fit the model"
                        + " again", e);
            }
        } else {
            model = withoutProvider(root, type, weights, means, regCovar, report, storedParameters, k, d, where);
        }
        DecompositionJson.check(root, model, where);
        return model;
    }

    /** Whether a covariance model of this name is on the module or class path. */
    private static boolean installed(String type) {
        return Plugins.names(CovarianceModel.class).stream().anyMatch(type::equalsIgnoreCase);
    }

    /**
     * The stored {@code n_parameters}, or −1 when the file has none (files written before gmm stored it);
     * never fewer than the means and weights alone have.
     */
    private static long parameterCount(JsonNode root, int k, int d, String where) {
        JsonNode n = root.get("n_parameters");
        if (n == null || n.isNull()) {
            return -1;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < (long) k * d + k - 1) {
            throw new IllegalArgumentException(where + " is broken: n_parameters is " + n + "; a " + k
                    + "-component mixture of " + d + " features has at least " + ((long) k * d + k - 1)
                    + " free parameters (its means and weights)");
        }
        return n.longValue();
    }

    /**
     * A model whose covariance model is not installed, from what the file stores for that case: the
     * kernel's precision factors and the parameter count. It scores, predicts, samples and gives BIC and
     * AIC as the fitted model did; only fitting from it needs the plugin.
     */
    private static GaussianMixtureModel withoutProvider(JsonNode root, String type, double[] weights, double[][] means,
                                                        double regCovar, FitReport report, long parameters, int k,
                                                        int d, String where) {
        if (parameters < 0 || !root.has(PrecisionFactorsJson.KEY) || !root.has("precisions_cholesky")) {
            throw new IllegalArgumentException(where + ": covariance_type \"" + type + "\" is not installed, and the"
                    + " file does not store what scoring needs without it (\"n_parameters\" and \""
                    + PrecisionFactorsJson.KEY + "\", written by newer gmm versions): put the plugin's jar on the"
                    + " module or class path (installed types: " + Plugins.names(CovarianceModel.class) + ")");
        }
        ShapedArray covariances = shaped(root.get("covariances"), "covariances", shapeOf(root, "covariances", where),
                where);
        ShapedArray cholesky = shaped(root.get("precisions_cholesky"), "precisions_cholesky",
                covariances.shape(), where);
        try {
            return GaussianMixtureModel.of(type, weights, means,
                    PrecisionFactorsJson.read(root, k, d, covariances, cholesky, where), regCovar, report,
                    parameters - ((long) k * d + k - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + " is broken: " + e.getMessage(), e);
        }
    }

    /** The shape of a field that is a (nested) array of numbers, as the file has it. */
    private static int[] shapeOf(JsonNode root, String name, String where) {
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        JsonNode n = field(root, name, where);
        while (n.isArray()) {
            if (n.size() == 0) {
                throw new IllegalArgumentException(where + ": field \"" + name + "\" has an empty array");
            }
            dims.add(n.size());
            n = n.get(0);
        }
        if (dims.isEmpty()) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" must be an array of numbers");
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * n_components and n_features against the arrays' real lengths, before anything of their size is
     * allocated: a damaged count is an error naming it, not an out-of-memory.
     */
    private static void checkSizes(JsonNode root, int k, int d, String where) {
        if (k < 1 || d < 1) {
            throw new IllegalArgumentException(where + " is broken: n_components " + k + " and n_features " + d
                    + " must both be at least 1");
        }
        JsonNode weights = field(root, "weights", where);
        JsonNode means = field(root, "means", where);
        if (!weights.isArray() || weights.size() != k) {
            throw new IllegalArgumentException(where + " is broken: n_components is " + k + " but \"weights\" has "
                    + (weights.isArray() ? weights.size() + " entries" : "no array") + "; they must agree");
        }
        if (!means.isArray() || means.size() != k || !means.get(0).isArray() || means.get(0).size() != d) {
            throw new IllegalArgumentException(where + " is broken: \"means\" must be " + k + " x " + d
                    + " (n_components x n_features) and is not");
        }
    }

    /** Non-negative weights summing to 1: anything else makes score, predict_proba and sample wrong. */
    private static void checkWeights(double[] weights, String where) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException(where + " is broken: weights[" + i + "] is " + weights[i]
                        + "; mixture weights are never negative");
            }
            sum += weights[i];
        }
        if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
            throw new IllegalArgumentException(where + " is broken: the weights sum to " + sum + ", not 1 (within "
                    + WEIGHT_SUM_TOLERANCE + "); a fitted model's weights always do: fit the model again");
        }
    }

    private static StartParameters start(JsonNode root, String where) {
        if (root.has("precisions_cholesky") || root.has("format_version")) {
            GaussianMixtureModel m = model(root, where);
            return new StartParameters(m.weights(), m.means(), m.precisions());
        }
        if (root.has("start") && root.get("start").isObject()) {
            JsonNode s = root.get("start");
            String type = root.has("covariance_type") ? text(root, "covariance_type", where) : null;
            return startObject(s, type, where + " (start)");
        }
        String type = root.has("covariance_type") ? text(root, "covariance_type", where) : null;
        return startObject(root, type, where);
    }

    private static StartParameters startObject(JsonNode s, String type, String where) {
        JsonNode w = field(s, "weights", where);
        if (!w.isArray()) {
            throw new IllegalArgumentException(where + ": field \"weights\" must be an array of K numbers");
        }
        int k = w.size();
        double[] weights = vector(w, "weights", k, where);
        JsonNode m = field(s, "means", where);
        int d = m.isArray() && m.size() > 0 && m.get(0).isArray() ? m.get(0).size() : -1;
        if (d < 1) {
            throw new IllegalArgumentException(where + ": field \"means\" must be a K x D array of numbers");
        }
        double[][] means = matrix(m, "means", k, d, where);
        JsonNode p = field(s, "precisions", where);
        if (type == null) {
            type = inferType(p, k, d, where);
        }
        ShapedArray precisions = shaped(p, "precisions", expectedShape(type, k, d, where), where);
        return new StartParameters(weights, means, precisions);
    }

    /** Guesses the covariance type of a start object's precisions from their rank and shape. */
    private static String inferType(JsonNode p, int k, int d, String where) {
        int rank = 0;
        JsonNode n = p;
        while (n != null && n.isArray()) {
            rank++;
            n = n.size() > 0 ? n.get(0) : null;
        }
        return switch (rank) {
            case 3 -> "full";
            case 1 -> "spherical";
            case 2 -> {
                if (p.size() == k && p.get(0).size() == d && !(k == d)) {
                    yield "diag";
                }
                if (k == d) {
                    throw new IllegalArgumentException(where + ": \"precisions\" is " + k + " x " + d
                            + ", which fits both tied and diag; add \"covariance_type\" beside it");
                }
                yield "tied";
            }
            default -> throw new IllegalArgumentException(where + ": field \"precisions\" must be an array of rank "
                    + "1 (spherical), 2 (tied D x D or diag K x D) or 3 (full K x D x D), not rank " + rank);
        };
    }

    /**
     * The shape of covariances and precisions for a type: the built-in ones directly, any other
     * through its {@link CovarianceModel} provider (a plugin reads and writes its own shapes).
     */
    private static int[] expectedShape(String type, int k, int d, String where) {
        return switch (type) {
            case "full" -> new int[] {k, d, d};
            case "tied" -> new int[] {d, d};
            case "diag" -> new int[] {k, d};
            case "spherical" -> new int[] {k};
            default -> {
                try {
                    yield Plugins.covarianceModel(type).precisionShape(k, d);
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException(where + ": covariance_type \"" + type + "\" is unknown; "
                            + "choose one of " + Plugins.names(CovarianceModel.class)
                            + " (a plugin's type needs its jar on the module or class path)", unknown);
                }
            }
        };
    }

    static JsonNode field(JsonNode root, String name, String where) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(where + ": required field \"" + name + "\" is missing");
        }
        return n;
    }

    private static int integer(JsonNode root, String name, String where) {
        JsonNode n = field(root, name, where);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" must be an integer, not " + n);
        }
        return n.intValue();
    }

    static String text(JsonNode root, String name, String where) {
        JsonNode n = field(root, name, where);
        if (!n.isTextual()) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" must be a string, not " + n);
        }
        return n.textValue();
    }

    private static boolean bool(JsonNode root, String name, String where) {
        JsonNode n = field(root, name, where);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" must be true or false, not " + n);
        }
        return n.booleanValue();
    }

    static double number(JsonNode n, String name, String where) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" must be a finite number, not " + n);
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": field \"" + name + "\" is " + v + "; it must be finite");
        }
        return v;
    }

    static double[] vector(JsonNode n, String name, int length, String where) {
        return shaped(n, name, new int[] {length}, where).values();
    }

    static double[][] matrix(JsonNode n, String name, int rows, int cols, String where) {
        double[] flat = shaped(n, name, new int[] {rows, cols}, where).values();
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, m[r], 0, cols);
        }
        return m;
    }

    static ShapedArray shaped(JsonNode n, String name, int[] shape, String where) {
        long size = 1;
        for (int s : shape) {
            size *= s;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(where + ": field \"" + name + "\" would have shape "
                        + java.util.Arrays.toString(shape) + ", too large for one array; n_components or "
                        + "n_features is damaged");
            }
        }
        checkShape(n, name, shape, 0, where);
        double[] values = new double[(int) size];
        int[] cursor = {0};
        fill(n, name, shape, 0, values, cursor, where);
        return new ShapedArray(shape, values);
    }

    /** The nesting and lengths of {@code n} against {@code shape}, before an array of its size is allocated. */
    private static void checkShape(JsonNode n, String path, int[] shape, int axis, String where) {
        if (axis == shape.length) {
            return;
        }
        if (!n.isArray() || n.size() != shape[axis]) {
            throw new IllegalArgumentException(where + ": field \"" + path + "\" must be an array of length "
                    + shape[axis] + " (expected shape " + java.util.Arrays.toString(shape) + "), not "
                    + (n.isArray() ? "length " + n.size() : n.getNodeType().toString().toLowerCase()));
        }
        for (int i = 0; i < shape[axis]; i++) {
            checkShape(n.get(i), path + "[" + i + "]", shape, axis + 1, where);
        }
    }

    /** The numbers of {@code n}, whose shape {@link #checkShape} has checked, in row-major order. */
    private static void fill(JsonNode n, String path, int[] shape, int axis, double[] out, int[] cursor, String where) {
        if (axis == shape.length) {
            out[cursor[0]++] = number(n, path, where);
            return;
        }
        for (int i = 0; i < shape[axis]; i++) {
            fill(n.get(i), path + "[" + i + "]", shape, axis + 1, out, cursor, where);
        }
    }

    // ---- writing ----

    static ArrayNode vector(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    static ArrayNode nested(ShapedArray s, int axis, int offset) {
        ArrayNode a = MAPPER.createArrayNode();
        int[] shape = s.shape();
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                a.add(s.at(offset + i));
            } else {
                a.add(nested(s, axis + 1, offset + i * stride));
            }
        }
        return a;
    }
}
