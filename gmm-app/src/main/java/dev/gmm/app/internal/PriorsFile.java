package dev.gmm.app.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmm.core.VariationalPriors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code --priors priors.json}: a JSON object with any of scikit-learn's prior names
 * ({@code weight_concentration_prior}, {@code mean_precision_prior}, {@code mean_prior},
 * {@code degrees_of_freedom_prior}, {@code covariance_prior}); the ones left out take their defaults.
 * A fixture's {@code priors_resolved} or a model file's {@code priors} object is such an object.
 */
public final class PriorsFile {
    private static final Set<String> NAMES = Set.of("weight_concentration_prior", "mean_precision_prior", "mean_prior",
            "degrees_of_freedom_prior", "covariance_prior");

    private PriorsFile() {
    }

    /**
     * @throws IOException for a file that is not such an object, naming the file and the key at fault
     */
    public static VariationalPriors read(Path file) throws IOException {
        FileChecks.requireInputFile(file, "--priors");
        JsonNode root;
        try {
            root = ModelFiles.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object; --priors takes {\"weight_concentration_prior\": ..., ...}");
        }
        VariationalPriors priors = VariationalPriors.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!NAMES.contains(name)) {
                throw new IOException(file + ": \"" + name + "\" is not a prior; use any of " + NAMES.stream().sorted().toList());
            }
            try {
                priors = switch (name) {
                    case "weight_concentration_prior" -> priors.withWeightConcentrationPrior(number(v, name));
                    case "mean_precision_prior" -> priors.withMeanPrecisionPrior(number(v, name));
                    case "degrees_of_freedom_prior" -> priors.withDegreesOfFreedomPrior(number(v, name));
                    case "mean_prior" -> priors.withMeanPrior(vector(v, name));
                    default -> v.isNumber() ? priors.withCovariancePrior(v.doubleValue())
                            : v.isArray() && v.size() > 0 && v.get(0).isArray() ? priors.withCovariancePrior(matrix(v, name))
                            : priors.withCovariancePrior(vector(v, name));
                };
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": " + bad.getMessage(), bad);
            }
        }
        return priors;
    }

    private static double number(JsonNode v, String name) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a number, not " + v);
        }
        return v.doubleValue();
    }

    private static double[] vector(JsonNode v, String name) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array of numbers, not " + v);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.get(i), name + "[" + i + "]");
        }
        return out;
    }

    private static double[][] matrix(JsonNode v, String name) {
        double[][] out = new double[v.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(v.get(i), name + "[" + i + "]");
            if (out[i].length != out[0].length) {
                throw new IllegalArgumentException("\"" + name + "\" row " + i + " has " + out[i].length
                        + " values but row 0 has " + out[0].length + ": pass a square matrix");
            }
        }
        return out;
    }
}
