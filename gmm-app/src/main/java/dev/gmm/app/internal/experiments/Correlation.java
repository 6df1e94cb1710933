package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.experiment.ExperimentResult.Heatmap;

import java.util.List;

/** Pearson correlation between the columns of a data set. */
final class Correlation {
    private Correlation() {
    }

    /** D × D correlations; a constant column correlates 0 with the others and 1 with itself. */
    static double[][] matrix(DataMatrix data) {
        int n = data.rows();
        int d = data.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = data.get(i, j) - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double denominator = Math.sqrt(cov[a][a] * cov[b][b]);
                double value = a == b ? 1 : denominator == 0 ? 0 : cov[a][b] / denominator;
                r[a][b] = value;
                r[b][a] = value;
            }
        }
        return r;
    }

    static Heatmap heatmap(String title, DataMatrix data, List<String> names) {
        return new Heatmap(title, names, names, matrix(data));
    }
}
