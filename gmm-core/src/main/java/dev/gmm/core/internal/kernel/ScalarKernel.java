package dev.gmm.core.internal.kernel;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.internal.StatisticsAccumulator;

/**
 * The reference kernel in plain Java: one row at a time, one component at a time. Every other
 * kernel is tested against this one.
 */
public final class ScalarKernel implements EmKernel {

    @Override
    public String name() {
        return "scalar";
    }

    static final class ScalarWorkspace implements Workspace {
        final double[] row;
        final double[] centred;
        final double[] projected;
        final double[] logProb;
        /** x − cₖ when the statistics' shifts are not the means (a recentring pass). */
        final double[] shifted;

        ScalarWorkspace(int k, int d) {
            row = new double[d];
            centred = new double[k * d];
            shifted = new double[k * d];
            projected = new double[d];
            logProb = new double[k];
        }
    }

    @Override
    public Workspace newWorkspace(int components, int features) {
        return new ScalarWorkspace(components, features);
    }

    /** Fills ws.logProb with log wₖ + log N(x | μₖ, Σₖ) and ws.centred with x − μₖ; returns the log-sum-exp. */
    private static double componentLogProbabilities(DataMatrix data, int i, MixtureState s, ScalarWorkspace ws) {
        int d = s.features;
        data.copyRow(i, ws.row, 0);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.components; k++) {
            int mo = k * d;
            for (int j = 0; j < d; j++) {
                ws.centred[mo + j] = ws.row[j] - s.means[mo + j];
            }
            double q = mahalanobis(ws.centred, mo, s.factors[k], s.form, d, ws.projected);
            double lp = s.constants[k] - 0.5 * q;
            ws.logProb[k] = lp;
            if (lp > max) {
                max = lp;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < s.components; k++) {
            sum += Math.exp(ws.logProb[k] - max);
        }
        return max + Math.log(sum);
    }

    /** ‖(x − μ)·U‖² for the factor U in its form. */
    private static double mahalanobis(double[] z, int zo, double[] factor, PrecisionForm form, int d, double[] y) {
        double q = 0;
        if (form == PrecisionForm.DIAGONAL) {
            for (int j = 0; j < d; j++) {
                double v = z[zo + j] * factor[j];
                q = Math.fma(v, v, q); // fused, as the SIMD kernel sums squares
            }
            return q;
        }
        java.util.Arrays.fill(y, 0, d, 0.0);
        for (int i = 0; i < d; i++) {
            double zi = z[zo + i];
            int ro = i * d;
            for (int j = i; j < d; j++) {
                y[j] += zi * factor[ro + j];
            }
        }
        for (int j = 0; j < d; j++) {
            q = Math.fma(y[j], y[j], q);
        }
        return q;
    }

    @Override
    public double accumulate(DataMatrix data, double[] sampleWeights, int from, int to, MixtureState s,
                             ScatterKind kind, StatisticsAccumulator out, Workspace workspace) {
        ScalarWorkspace ws = (ScalarWorkspace) workspace;
        int d = s.features;
        double[] nk = out.rawWeights();
        double[] first = out.rawFirstMoments();
        double[] scatter = out.rawScatter();
        double[] shifts = out.rawShifts();
        boolean shiftsAreMeans = java.util.Arrays.equals(shifts, s.means);
        double[] z = shiftsAreMeans ? ws.centred : ws.shifted;
        double logLikelihood = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            double w = sampleWeights == null ? 1.0 : sampleWeights[i];
            double lse = componentLogProbabilities(data, i, s, ws);
            if (!shiftsAreMeans) {
                for (int a = 0; a < z.length; a++) {
                    z[a] = ws.row[a % d] - shifts[a];
                }
            }
            logLikelihood += w * lse;
            total += w;
            for (int k = 0; k < s.components; k++) {
                double share = Math.exp(ws.logProb[k] - lse);
                if (share < NEGLIGIBLE_SHARE && kind != ScatterKind.DIAGONAL) {
                    continue; // adds nothing to the full and pooled statistics (EmKernel says why)
                }
                double r = w * share;
                nk[k] += r;
                int mo = k * d;
                for (int a = 0; a < d; a++) {
                    first[mo + a] += r * z[mo + a];
                }
                switch (kind) {
                    case FULL -> addOuterUpper(scatter, k * d * d, z, mo, r, d);
                    case POOLED -> addOuterUpper(scatter, 0, z, mo, r, d);
                    case DIAGONAL -> {
                        for (int a = 0; a < d; a++) {
                            double za = z[mo + a];
                            scatter[mo + a] += r * za * za;
                        }
                    }
                }
            }
        }
        out.setTotalWeight(out.totalWeight() + total);
        return logLikelihood;
    }

    private static void addOuterUpper(double[] scatter, int offset, double[] z, int zo, double r, int d) {
        for (int a = 0; a < d; a++) {
            double rz = r * z[zo + a];
            int ro = offset + a * d;
            for (int b = a; b < d; b++) {
                scatter[ro + b] += rz * z[zo + b];
            }
        }
    }

    @Override
    public void logLikelihoods(DataMatrix data, int from, int to, MixtureState s, double[] logLikelihood,
                               double[] logResponsibilities, Workspace workspace) {
        ScalarWorkspace ws = (ScalarWorkspace) workspace;
        int kk = s.components;
        for (int i = from; i < to; i++) {
            double lse = componentLogProbabilities(data, i, s, ws);
            logLikelihood[i - from] = lse;
            if (logResponsibilities != null) {
                int o = (i - from) * kk;
                for (int k = 0; k < kk; k++) {
                    logResponsibilities[o + k] = ws.logProb[k] - lse;
                }
            }
        }
    }

    @Override
    public void nearestCentres(DataMatrix data, int from, int to, double[] centres, int k, int[] labels,
                               double[] distances, Workspace workspace) {
        ScalarWorkspace ws = (ScalarWorkspace) workspace;
        int d = data.cols();
        for (int i = from; i < to; i++) {
            data.copyRow(i, ws.row, 0);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = ws.row[j] - centres[c * d + j];
                    s += diff * diff;
                }
                if (s < bestDistance) {
                    bestDistance = s;
                    best = c;
                }
            }
            labels[i] = best;
            distances[i] = bestDistance;
        }
    }
}
