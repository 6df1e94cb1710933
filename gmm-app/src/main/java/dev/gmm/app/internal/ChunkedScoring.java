package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;

import java.io.IOException;
import java.io.Writer;

/**
 * Scores and labels of data too large for one array of per-row results (a mapped file of 100M rows
 * would need 800 MB for its log-likelihoods alone): the rows go through the model {@value #CHUNK_ROWS}
 * at a time, copied onto the heap, and only sums or output lines leave each chunk.
 */
public final class ChunkedScoring {
    /** Rows per chunk: 64K rows of 16 doubles are 8 MB. */
    static final int CHUNK_ROWS = 65_536;

    private ChunkedScoring() {
    }

    /** Σᵢ log p(xᵢ) over every row, chunk by chunk. */
    public static double totalLogLikelihood(GaussianMixtureModel model, DataMatrix data, String source) {
        double total = 0;
        for (int from = 0; from < data.rows(); from += CHUNK_ROWS) {
            int to = Math.min(data.rows(), from + CHUNK_ROWS);
            total += FiniteOutputs.require(model.score(data.rowRange(from, to)), "the mean log-likelihood", source)
                    * (to - from);
        }
        return total;
    }

    /** scikit-learn's bic: −2·Σ log p + p·ln n. */
    public static double bic(GaussianMixtureModel model, double totalLogLikelihood, long rows) {
        return -2 * totalLogLikelihood + model.numParameters() * Math.log(rows);
    }

    /** scikit-learn's aic: −2·Σ log p + 2p. */
    public static double aic(GaussianMixtureModel model, double totalLogLikelihood) {
        return -2 * totalLogLikelihood + 2 * model.numParameters();
    }

    /** Writes one line per row: its label, or with {@code proba} its responsibilities after a header. */
    public static void predict(GaussianMixtureModel model, DataMatrix data, boolean proba, Writer out)
            throws IOException {
        if (proba) {
            out.write(String.join(",", CsvFiles.columnNames("component_", model.components())) + "\n");
        }
        StringBuilder lines = new StringBuilder();
        for (int from = 0; from < data.rows(); from += CHUNK_ROWS) {
            DataMatrix chunk = data.rowRange(from, Math.min(data.rows(), from + CHUNK_ROWS));
            lines.setLength(0);
            if (proba) {
                for (double[] p : model.predictProba(chunk)) {
                    lines.append(CsvFiles.formatRow(p)).append('\n');
                }
            } else {
                for (int label : model.predict(chunk)) {
                    lines.append(label).append('\n');
                }
            }
            out.append(lines);
        }
    }
}
