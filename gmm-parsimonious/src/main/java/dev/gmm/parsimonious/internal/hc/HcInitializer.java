package dev.gmm.parsimonious.internal.hc;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.Initializer;

import java.util.random.RandomGenerator;

/**
 * mclust's default start, {@code hc}: model-based agglomerative hierarchical clustering with the VVV
 * criterion ({@code hc(modelName = "VVV", use = "SVD")}) on the SVD-transformed data, cut at K
 * ({@code hclass}). Data of at most {@value #SUBSET} rows are clustered whole and start EM from the hard
 * labels; for more, mclust clusters a random subset of {@value #SUBSET} rows ({@code
 * mclust.options("subset")}) — drawn here from the fit's seeded generator — and starts from an E-step over
 * all rows after an M-step on the subset ({@link SubsetExtension}). Sample weights play no part in the
 * clustering (mclust has none); the M-step after it uses them.
 */
public final class HcInitializer implements Initializer {
    /** mclust's default {@code subset}. */
    static final int SUBSET = 2000;

    @Override
    public String name() {
        return "hc";
    }

    @Override
    public String description() {
        return "mclust's start: VVV hierarchical clustering of the SVD-transformed data (a 2,000-row subset), cut at K";
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] sampleWeights, int components,
                                              RandomGenerator random) {
        int n = data.rows();
        int[] subset = n <= SUBSET ? identity(n) : sample(n, SUBSET, random);
        double[][] rows = new double[subset.length][];
        for (int s = 0; s < subset.length; s++) {
            rows[s] = data.row(subset[s]);
        }
        int[] labels = VvvAgglomeration.cut(SvdTransform.apply(rows), components);
        if (n <= SUBSET) {
            return new InitialResponsibilities.HardLabels(labels);
        }
        return new InitialResponsibilities.Soft(SubsetExtension.responsibilities(data, subset, labels, components),
                components);
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** {@code size} distinct rows drawn uniformly (a partial Fisher–Yates shuffle), in increasing order. */
    private static int[] sample(int n, int size, RandomGenerator random) {
        int[] all = identity(n);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(out);
        return out;
    }
}
