package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.FitContext;

import java.util.random.RandomGenerator;

/**
 * scikit-learn's greedy k-means++ seeding: the first centre by weight, then each next centre the best
 * of 2 + ⌊ln k⌋ candidates drawn with probability proportional to weight × squared distance to the
 * nearest chosen centre. Distances to each candidate come from the kernel's nearest-centre pass over
 * all cores; potentials are summed per chunk and reduced in chunk order.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** The row indices of the k seeds. */
    static int[] seedRows(DataMatrix data, double[] sampleWeights, int k, RandomGenerator random, FitContext context) {
        try (DistancePass pass = new DistancePass(data, Math.max(k, 1), context)) {
            return seedRows(data, sampleWeights, k, random, pass);
        }
    }

    static int[] seedRows(DataMatrix data, double[] sampleWeights, int k, RandomGenerator random, DistancePass pass) {
        int n = data.rows();
        int d = data.cols();
        int trials = 2 + (int) Math.log(k);
        int chunks = pass.chunks();
        int[] chosen = new int[k];
        double[] centre = new double[d];
        int[] unusedLabels = new int[n];
        double[] closest = new double[n];
        double[] candidateDistances = new double[n];
        double[] chunkMass = new double[chunks];

        masses(closest, sampleWeights, true, pass, chunkMass);
        chosen[0] = sampleIndex(closest, sampleWeights, true, chunkMass, random.nextDouble(), pass);
        data.copyRow(chosen[0], centre, 0);
        pass.nearest(centre, 1, unusedLabels, closest, null);
        double[][] candidates = new double[trials][d];
        int[] candidateRows = new int[trials];
        double[][] chunkPotentials = new double[trials][chunks];
        for (int c = 1; c < k; c++) {
            double potential = masses(closest, sampleWeights, false, pass, chunkMass);
            for (int t = 0; t < trials; t++) {
                candidateRows[t] = potential > 0
                        ? sampleIndex(closest, sampleWeights, false, chunkMass, random.nextDouble(), pass)
                        : random.nextInt(n);
                data.copyRow(candidateRows[t], candidates[t], 0);
            }
            // every candidate's potential in one pass: a chunk's rows stay in cache across the candidates
            pass.forEachChunk((chunk, from, to, kernelOn) -> {
                for (int t = 0; t < trials; t++) {
                    kernelOn.nearest(candidates[t], 1, from, to, unusedLabels, candidateDistances);
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        sum += Math.min(closest[i], candidateDistances[i]) * (sampleWeights == null ? 1 : sampleWeights[i]);
                    }
                    chunkPotentials[t][chunk] = sum;
                }
            });
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double candidatePotential = 0;
                for (double p : chunkPotentials[t]) {
                    candidatePotential += p;
                }
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    best = t;
                }
            }
            chosen[c] = candidateRows[best];
            pass.nearest(candidates[best], 1, unusedLabels, candidateDistances, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    closest[i] = Math.min(closest[i], candidateDistances[i]);
                }
            });
        }
        return chosen;
    }

    /** Per chunk, Σᵢ of each row's mass (wᵢ·closest[i], or wᵢ alone by weight) into chunkMass; the total in chunk order. */
    private static double masses(double[] closest, double[] w, boolean byWeight, DistancePass pass, double[] chunkMass) {
        int[] b = pass.bounds;
        double total = 0;
        for (int c = 0; c < chunkMass.length; c++) {
            double sum = 0;
            for (int i = b[c]; i < b[c + 1]; i++) {
                sum += mass(closest, w, byWeight, i);
            }
            chunkMass[c] = sum;
            total += sum;
        }
        return total;
    }

    /**
     * A row drawn with probability proportional to its mass: the first row whose cumulative mass
     * exceeds u·total, skipping whole chunks by their totals.
     */
    private static int sampleIndex(double[] closest, double[] w, boolean byWeight, double[] chunkMass, double u01,
                                   DistancePass pass) {
        int[] b = pass.bounds;
        double total = 0;
        for (double m : chunkMass) {
            total += m;
        }
        double target = u01 * total;
        int last = 0;
        double before = 0;
        int lastChunk = chunkMass.length - 1;
        while (lastChunk > 0 && chunkMass[lastChunk] <= 0) {
            lastChunk--; // rounding can leave the target past the total: the last chunk with mass takes it
        }
        for (int c = 0; c <= lastChunk; c++) {
            if (chunkMass[c] <= 0) {
                continue;
            }
            if (before + chunkMass[c] <= target && c < lastChunk) {
                before += chunkMass[c];
                continue;
            }
            double cumulative = before;
            for (int i = b[c]; i < b[c + 1]; i++) {
                double m = mass(closest, w, byWeight, i);
                if (m > 0) {
                    last = i;
                    cumulative += m;
                    if (cumulative > target) {
                        return i;
                    }
                }
            }
            before += chunkMass[c];
        }
        return last;
    }

    private static double mass(double[] closest, double[] w, boolean byWeight, int i) {
        double weight = w == null ? 1 : w[i];
        return byWeight ? weight : closest[i] * weight;
    }
}
