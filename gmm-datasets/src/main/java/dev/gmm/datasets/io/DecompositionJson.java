package dev.gmm.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceDecomposition;

import java.util.Optional;

/**
 * The optional {@code "decomposition"} of a model file: {@code {"scale": [K], "shape": [K][D],
 * "orientation": [K][D][D]}}, each covariance as Σₖ = scale[k]·Dₖ·diag(shape[k])·Dₖᵀ with Dₖ =
 * orientation[k] (column j the direction of shape[k][j]), in mclust's convention
 * ({@link CovarianceDecomposition}). Written where the covariance model offers one (mclust's 14 do, the
 * four built-in types do not, so their files stay scikit-learn's).
 *
 * <p>It is derived data, like {@code precisions_cholesky}: {@code covariances} stays what a model is
 * read from, so the key changes nothing an older reader reads and the file stays {@code format_version}
 * 1 (Decision 20). A reader that finds one checks it as it checks the rest of the file (shapes, finite
 * numbers, and that it is a decomposition of those very covariances) so that a hand-edited covariance
 * with a stale decomposition beside it is reported, not handed on to readers who trust the key.
 */
final class DecompositionJson {
    static final String KEY = "decomposition";
    /** Round-off of the decomposition and its check, far below any edit worth noticing. */
    private static final double TOLERANCE = 1e-8;

    private DecompositionJson() {
    }

    /**
     * Adds the decomposition of {@code m}'s covariances when its covariance model offers one (none when
     * that model is not installed).
     */
    static void write(ObjectNode root, GaussianMixtureModel m) {
        if (Plugins.names(dev.gmm.core.spi.CovarianceModel.class).stream().noneMatch(m.covarianceType()::equalsIgnoreCase)) {
            return; // a model read where its plugin is not installed: only the plugin knows its decomposition
        }
        Optional<CovarianceDecomposition> offered = Plugins.covarianceModel(m.covarianceType())
                .decomposition(m.parameters());
        if (offered.isEmpty()) {
            return;
        }
        CovarianceDecomposition dec = offered.get();
        int k = dec.components();
        int d = dec.features();
        double[] scale = new double[k];
        double[] shape = new double[k * d];
        double[] orientation = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            scale[c] = dec.scale(c);
            System.arraycopy(dec.shape(c), 0, shape, c * d, d);
            System.arraycopy(dec.orientation(c), 0, orientation, c * d * d, d * d);
        }
        ObjectNode node = root.putObject(KEY);
        node.set("scale", ModelJson.vector(scale));
        node.set("shape", ModelJson.nested(new ShapedArray(new int[] {k, d}, shape), 0, 0));
        node.set("orientation", ModelJson.nested(new ShapedArray(new int[] {k, d, d}, orientation), 0, 0));
    }

    /** Checks a decomposition the file has against {@code m}, read from the same file; none is fine. */
    static void check(JsonNode root, GaussianMixtureModel m, String where) {
        JsonNode node = root.get(KEY);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw broken(where, "field \"" + KEY + "\" must be an object {scale, shape, orientation}");
        }
        int k = m.components();
        int d = m.features();
        double[] scale = ModelJson.vector(ModelJson.field(node, "scale", where), KEY + ".scale", k, where);
        double[] shape = ModelJson.shaped(ModelJson.field(node, "shape", where), KEY + ".shape", new int[] {k, d},
                where).values();
        double[] orientation = ModelJson.shaped(ModelJson.field(node, "orientation", where), KEY + ".orientation",
                new int[] {k, d, d}, where).values();
        for (int c = 0; c < k; c++) {
            double logDet = 0;
            for (int j = 0; j < d; j++) {
                logDet += Math.log(shape[c * d + j]);
            }
            if (!(scale[c] > 0) || !(Math.abs(logDet) <= TOLERANCE)) {
                throw broken(where, KEY + " of component " + c + " has scale " + scale[c] + " and a shape whose "
                        + "determinant is " + Math.exp(logDet) + "; a scale is positive and a shape has determinant 1");
            }
            double[][] sigma = m.covariance(c);
            double size = 0;
            for (double[] row : sigma) {
                for (double v : row) {
                    size = Math.max(size, Math.abs(v));
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double rebuilt = 0;
                    double gram = 0;
                    for (int q = 0; q < d; q++) {
                        double oi = orientation[(c * d + i) * d + q];
                        double oj = orientation[(c * d + j) * d + q];
                        rebuilt += oi * shape[c * d + q] * oj;
                        gram += orientation[(c * d + q) * d + i] * orientation[(c * d + q) * d + j];
                    }
                    if (!(Math.abs(gram - (i == j ? 1 : 0)) <= TOLERANCE)) {
                        throw broken(where, KEY + ".orientation[" + c + "] is not orthonormal");
                    }
                    if (!(Math.abs(scale[c] * rebuilt - sigma[i][j]) <= TOLERANCE * size)) {
                        throw broken(where, KEY + " of component " + c + " gives " + scale[c] * rebuilt + " at ["
                                + i + "][" + j + "] but covariances has " + sigma[i][j]);
                    }
                }
            }
        }
    }

    private static IllegalArgumentException broken(String where, String what) {
        return new IllegalArgumentException(where + " is broken: " + what + "; the decomposition is derived from "
                + "\"covariances\", so one of the two was changed after gmm wrote the file: delete \"" + KEY
                + "\" or fit the model again");
    }
}
