package dev.gmm.core.internal.variational;

import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;

/**
 * Σᵢ wᵢ Σₖ rᵢₖ log rᵢₖ of an E-step — the entropy term of the variational lower bound — from what the
 * fused pass already gives, so the lower bound costs no second pass over the data. With
 * log rᵢₖ = cₖ − ½qᵢₖ − log p(xᵢ) (cₖ the state's constant, qᵢₖ the Mahalanobis term):
 * <pre>Σᵢ wᵢ Σₖ rᵢₖ log rᵢₖ = Σₖ Nₖcₖ − ½ Σₖ tr(Pₖ Sₖ) − Σᵢ wᵢ log p(xᵢ)</pre>
 * where Pₖ = UₖUₖᵀ is the precision the kernel used and Sₖ = Σᵢ wᵢrᵢₖ(xᵢ − mₖ)(xᵢ − mₖ)ᵀ the scatter
 * about the state's means, recovered exactly from the sums about the pass's shifts cₖ:
 * Sₖ = Q + δFᵀ + Fδᵀ + Nₖδδᵀ with δ = cₖ − mₖ (zero unless the pass recentred).
 */
final class ResponsibilityEntropy {
    private ResponsibilityEntropy() {
    }

    /**
     * @param logLikelihoodSum Σᵢ wᵢ log p(xᵢ), what the pass returned
     */
    static double weightedSum(StatisticsAccumulator s, MixtureState state, double logLikelihoodSum) {
        int k = state.components;
        int d = state.features;
        double[] n = s.rawWeights();
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (n[c] != 0) {
                sum += n[c] * state.constants[c];
            }
        }
        double mahalanobis = 0;
        if (s.kind() == ScatterKind.POOLED) {
            double[] pooled = s.rawScatter().clone();
            for (int c = 0; c < k; c++) {
                addShiftCorrection(s, state, c, pooled, 0, false);
            }
            mahalanobis = traceWithPrecision(state.factors[0], state.form, pooled, 0, d, false);
        } else {
            boolean diagonalOnly = s.kind() == ScatterKind.DIAGONAL;
            int block = diagonalOnly ? d : d * d;
            double[] scatter = s.rawScatter().clone();
            for (int c = 0; c < k; c++) {
                addShiftCorrection(s, state, c, scatter, c * block, diagonalOnly);
                mahalanobis += traceWithPrecision(state.factors[c], state.form, scatter, c * block, d, diagonalOnly);
            }
        }
        return sum - 0.5 * mahalanobis - logLikelihoodSum;
    }

    /** Adds δFᵀ + Fδᵀ + Nδδᵀ (δ = shift − mean) of component c to the scatter block at {@code offset}. */
    private static void addShiftCorrection(StatisticsAccumulator s, MixtureState state, int c, double[] scatter,
                                           int offset, boolean diagonalOnly) {
        int d = state.features;
        double[] shifts = s.rawShifts();
        double[] first = s.rawFirstMoments();
        double n = s.rawWeights()[c];
        double[] delta = new double[d];
        boolean moved = false;
        for (int j = 0; j < d; j++) {
            delta[j] = shifts[c * d + j] - state.means[c * d + j];
            moved |= delta[j] != 0;
        }
        if (!moved) {
            return;
        }
        for (int a = 0; a < d; a++) {
            double fa = first[c * d + a];
            if (diagonalOnly) {
                scatter[offset + a] += 2 * delta[a] * fa + n * delta[a] * delta[a];
                continue;
            }
            for (int b = 0; b < d; b++) {
                scatter[offset + a * d + b] += delta[a] * first[c * d + b] + fa * delta[b] + n * delta[a] * delta[b];
            }
        }
    }

    /** tr(U Uᵀ S) for an upper-triangular U (entries below the diagonal ignored) or a diagonal factor. */
    private static double traceWithPrecision(double[] factor, PrecisionForm form, double[] scatter, int offset, int d,
                                             boolean diagonalOnly) {
        double total = 0;
        if (form == PrecisionForm.DIAGONAL) {
            for (int j = 0; j < d; j++) {
                double sj = diagonalOnly ? scatter[offset + j] : scatter[offset + j * d + j];
                total += factor[j] * factor[j] * sj;
            }
            return total;
        }
        // Σₘ uₘᵀ S uₘ over the columns uₘ of U, which are zero below row m
        for (int m = 0; m < d; m++) {
            for (int a = 0; a <= m; a++) {
                double ua = factor[a * d + m];
                double row = 0;
                for (int b = 0; b <= m; b++) {
                    row += scatter[offset + a * d + b] * factor[b * d + m];
                }
                total += ua * row;
            }
        }
        return total;
    }
}
