package dev.gmm.parsimonious.internal;

import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/**
 * What an eigen-decomposed M-step works on, in Celeux &amp; Govaert's notation: nₖ, n = Σ nₖ and the
 * scatter Wₖ = Σᵢ zᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ of each component (D·D row-major, or its D diagonal values
 * for the axis-aligned models). {@code regCovar} enters as regCovar·nₖ on each diagonal, so that every
 * model adds it to the empirical covariances before imposing its constraint, as scikit-learn does.
 */
final class Scatters {
    final int components;
    final int features;
    final double[] weights;
    final double total;
    final double[][] w;

    private Scatters(int features, double[] weights, double[][] w) {
        this.components = weights.length;
        this.features = features;
        this.weights = weights;
        this.w = w;
        double sum = 0;
        for (double nk : weights) {
            sum += nk;
        }
        this.total = sum;
    }

    static Scatters of(SufficientStatistics s, double regCovar) {
        int k = s.components();
        int d = s.features();
        boolean full = s.kind() == ScatterKind.FULL;
        double[] weights = new double[k];
        double[][] w = new double[k][];
        for (int c = 0; c < k; c++) {
            weights[c] = s.guardedWeight(c);
            w[c] = full ? s.centredScatter(c) : s.centredDiagonal(c);
            for (int j = 0; j < d; j++) {
                w[c][full ? j * d + j : j] += regCovar * weights[c];
            }
        }
        return new Scatters(d, weights, w);
    }

    /** Σₖ Wₖ. */
    double[] pooled() {
        double[] sum = new double[w[0].length];
        for (double[] wk : w) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += wk[i];
            }
        }
        return sum;
    }
}
