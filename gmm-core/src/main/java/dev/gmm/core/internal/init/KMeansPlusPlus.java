package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;

import java.util.random.RandomGenerator;

/**
 * scikit-learn's greedy k-means++ seeding: the first centre by weight, then each next centre the best
 * of 2 + ⌊ln k⌋ candidates drawn with probability proportional to weight × squared distance to the
 * nearest chosen centre.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** The row indices of the k seeds. */
    static int[] seedRows(DataMatrix data, double[] sampleWeights, int k, RandomGenerator random) {
        int n = data.rows();
        int d = data.cols();
        double[] x = data.toFloat64().values();
        int trials = 2 + (int) Math.log(k);
        int[] chosen = new int[k];
        chosen[0] = sampleIndex(weightsOrOnes(sampleWeights, n), random.nextDouble(), n);
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) {
            closest[i] = squaredDistance(x, i, x, chosen[0], d);
        }
        double[] weighted = new double[n];
        double[] candidateDistances = new double[n];
        double[] bestDistances = new double[n];
        for (int c = 1; c < k; c++) {
            double potential = 0;
            for (int i = 0; i < n; i++) {
                weighted[i] = closest[i] * (sampleWeights == null ? 1 : sampleWeights[i]);
                potential += weighted[i];
            }
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int candidate = potential > 0 ? sampleIndex(weighted, random.nextDouble() * potential, n, true)
                        : random.nextInt(n);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++) {
                    double dist = Math.min(closest[i], squaredDistance(x, i, x, candidate, d));
                    candidateDistances[i] = dist;
                    candidatePotential += dist * (sampleWeights == null ? 1 : sampleWeights[i]);
                }
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                    System.arraycopy(candidateDistances, 0, bestDistances, 0, n);
                }
            }
            chosen[c] = bestCandidate;
            System.arraycopy(bestDistances, 0, closest, 0, n);
        }
        return chosen;
    }

    private static double[] weightsOrOnes(double[] w, int n) {
        if (w != null) {
            return w;
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static int sampleIndex(double[] weights, double u01, int n) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return sampleIndex(weights, u01 * total, n, true);
    }

    /** The first index whose cumulative weight exceeds {@code target}. */
    private static int sampleIndex(double[] weights, double target, int n, boolean unused) {
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                last = i;
                cumulative += weights[i];
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    static double squaredDistance(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        int ao = i * d;
        int bo = j * d;
        for (int t = 0; t < d; t++) {
            double diff = a[ao + t] - b[bo + t];
            s += diff * diff;
        }
        return s;
    }
}
