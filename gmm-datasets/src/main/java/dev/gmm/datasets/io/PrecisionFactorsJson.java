package dev.gmm.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;

import java.util.Locale;

/**
 * The {@code precision_factors} key of a model file of a plugin's covariance type:
 * {@code {"form": "upper_triangular"|"diagonal", "factors": [K][D][D] or [K][D]}}, each component's
 * precision factor in the form the kernel reads ({@link PrecisionForm}). A plugin's covariances and
 * precision Cholesky factors are in shapes of its own that only it can interpret; with the factors
 * beside them, a reader where the plugin is not installed still has the mixture's densities (and
 * {@code n_parameters} its BIC and AIC). The key adds to a file without changing what another key means,
 * so the file stays {@code format_version} 1 (Decision 20); the four built-in types do not need it.
 */
final class PrecisionFactorsJson {
    static final String KEY = "precision_factors";

    private PrecisionFactorsJson() {
    }

    static void write(ObjectNode root, CovarianceParameters parameters) {
        int k = parameters.components();
        int d = parameters.features();
        boolean triangular = parameters.form() == PrecisionForm.UPPER_TRIANGULAR;
        int size = triangular ? d * d : d;
        double[] flat = new double[k * size];
        for (int c = 0; c < k; c++) {
            System.arraycopy(parameters.factorView(c), 0, flat, c * size, size);
        }
        ObjectNode node = root.putObject(KEY);
        node.put("form", parameters.form().name().toLowerCase(Locale.ROOT));
        node.set("factors", ModelJson.nested(new ShapedArray(shape(triangular, k, d), flat), 0, 0));
    }

    /**
     * The parameters from the stored factors, with the file's covariances and precision Cholesky factors
     * as the model reports them. Components whose factors are equal share one (a tied-like model), as
     * they did in the fitted model.
     */
    static CovarianceParameters read(JsonNode root, int k, int d, ShapedArray covariances, ShapedArray cholesky,
                                     String where) {
        JsonNode node = ModelJson.field(root, KEY, where);
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": field \"" + KEY + "\" must be an object {form, factors}");
        }
        String formName = ModelJson.text(node, "form", where + " " + KEY);
        PrecisionForm form;
        try {
            form = PrecisionForm.valueOf(formName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + KEY + ".form is \"" + formName
                    + "\"; it is upper_triangular or diagonal", e);
        }
        boolean triangular = form == PrecisionForm.UPPER_TRIANGULAR;
        int size = triangular ? d * d : d;
        double[] flat = ModelJson.shaped(ModelJson.field(node, "factors", where), KEY + ".factors",
                shape(triangular, k, d), where).values();
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] f = java.util.Arrays.copyOfRange(flat, c * size, (c + 1) * size);
            for (int j = 0; j < d; j++) {
                double diagonal = f[triangular ? j * d + j : j];
                if (!(diagonal > 0)) {
                    throw new IllegalArgumentException(where + " is broken: " + KEY + ".factors[" + c
                            + "] has " + diagonal + " on its diagonal; a precision factor's diagonal is positive");
                }
            }
            factors[c] = c > 0 && java.util.Arrays.equals(f, factors[c - 1]) ? factors[c - 1] : f;
        }
        return CovarianceParameters.of(form, d, factors, covariances, cholesky);
    }

    private static int[] shape(boolean triangular, int k, int d) {
        return triangular ? new int[] {k, d, d} : new int[] {k, d};
    }
}
