package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.Initializer;

import java.util.random.RandomGenerator;

/** scikit-learn's "random_from_data": each component starts at a distinct row drawn uniformly. */
public final class RandomFromDataInitializer implements Initializer {
    @Override
    public String name() {
        return "random_from_data";
    }

    @Override
    public String description() {
        return "each component starts at a distinct row drawn at random";
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random) {
        int n = data.rows();
        // partial Fisher-Yates over a lazily materialised permutation
        java.util.Map<Integer, Integer> swapped = new java.util.HashMap<>();
        int[] rows = new int[k];
        for (int c = 0; c < k; c++) {
            int j = c + random.nextInt(n - c);
            int atJ = swapped.getOrDefault(j, j);
            int atC = swapped.getOrDefault(c, c);
            swapped.put(j, atC);
            rows[c] = atJ;
        }
        return new InitialResponsibilities.SingleRows(rows);
    }
}
