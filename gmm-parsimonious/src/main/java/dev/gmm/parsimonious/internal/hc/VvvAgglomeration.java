package dev.gmm.parsimonious.internal.hc;

/**
 * Model-based agglomerative hierarchical clustering with mclust's VVV criterion ({@code hcVVV}):
 * start from single rows and merge, again and again, the pair of clusters whose merge costs least
 * ({@link VvvMergeCriterion}), until K clusters are left — mclust's {@code hclass(hcPairs, K)}.
 *
 * <p>Each cluster keeps its size, mean and scatter, so a merge's scatter is
 * Wᵢ + Wⱼ + nᵢnⱼ/(nᵢ+nⱼ)·(μᵢ−μⱼ)(μᵢ−μⱼ)ᵀ without going back to the rows. The pairwise costs are kept in
 * an m × m table with each cluster's cheapest partner, so a merge recomputes one row of costs and
 * rescans only the rows whose partner disappeared: about m² cost evaluations in all. Ties go to the
 * pair met first in index order (mclust's Fortran takes the last; ties happen only for exact
 * duplicates of distances).
 */
final class VvvAgglomeration {
    private final VvvMergeCriterion criterion;
    private final int d;
    private final int m;
    private final int[] size;
    private final double[][] mean;
    private final double[][] scatter;
    private final double[] term;
    private final boolean[] active;
    private final int[] parent;
    private final double[] cost;
    private final int[] partner;

    private VvvAgglomeration(double[][] z) {
        this.criterion = VvvMergeCriterion.forData(z);
        this.d = z[0].length;
        this.m = z.length;
        size = new int[m];
        mean = new double[m][];
        scatter = new double[m][];
        term = new double[m];
        active = new boolean[m];
        parent = new int[m];
        cost = new double[m * m];
        partner = new int[m];
        for (int i = 0; i < m; i++) {
            size[i] = 1;
            mean[i] = z[i].clone();
            scatter[i] = new double[d * d];
            term[i] = criterion.singleton();
            active[i] = true;
            parent[i] = i;
        }
    }

    /**
     * Labels 0…K−1 for the rows of {@code z}, numbered in order of each cluster's first row (mclust's
     * {@code partconv(consec = TRUE)}).
     */
    static int[] cut(double[][] z, int clusters) {
        if (clusters < 1 || clusters > z.length) {
            throw new IllegalArgumentException("hc: cannot cut " + z.length + " rows into " + clusters
                    + " clusters: pass between 1 and " + z.length + " components");
        }
        VvvAgglomeration tree = new VvvAgglomeration(z);
        tree.mergeDownTo(clusters);
        return tree.labels();
    }

    private void mergeDownTo(int clusters) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                double c = mergeCost(i, j);
                cost[i * m + j] = c;
                cost[j * m + i] = c;
            }
        }
        for (int i = 0; i < m; i++) {
            rescan(i);
        }
        for (int left = m; left > clusters; left--) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("hc was cancelled with " + left + " clusters left");
            }
            int best = -1;
            for (int i = 0; i < m; i++) {
                if (active[i] && partner[i] >= 0 && (best < 0 || cost[i * m + partner[i]] < cost[best * m + partner[best]])) {
                    best = i;
                }
            }
            int i = Math.min(best, partner[best]);
            int j = Math.max(best, partner[best]);
            merge(i, j);
            for (int r = 0; r < m; r++) {
                if (active[r] && r != i) {
                    double c = mergeCost(i, r);
                    cost[i * m + r] = c;
                    cost[r * m + i] = c;
                }
            }
            rescan(i);
            for (int r = 0; r < m; r++) {
                if (!active[r] || r == i) {
                    continue;
                }
                if (partner[r] == i || partner[r] == j) {
                    rescan(r);
                } else if (cost[r * m + i] < cost[r * m + partner[r]]
                        || cost[r * m + i] == cost[r * m + partner[r]] && i < partner[r]) {
                    partner[r] = i;
                }
            }
        }
    }

    /** Cluster {@code j} joins cluster {@code i}. */
    private void merge(int i, int j) {
        double[] w = mergedScatter(i, j);
        double ni = size[i];
        double nj = size[j];
        double[] mu = new double[d];
        for (int a = 0; a < d; a++) {
            mu[a] = (ni * mean[i][a] + nj * mean[j][a]) / (ni + nj);
        }
        term[i] = criterion.term(size[i] + size[j], w, traceOf(w), size[i] == 1 && size[j] == 1);
        scatter[i] = w;
        mean[i] = mu;
        size[i] += size[j];
        active[j] = false;
        parent[j] = i;
        scatter[j] = null;
    }

    private double mergeCost(int i, int j) {
        double[] w = mergedScatter(i, j);
        return criterion.term(size[i] + size[j], w, traceOf(w), size[i] == 1 && size[j] == 1) - term[i] - term[j];
    }

    private double[] mergedScatter(int i, int j) {
        double ni = size[i];
        double nj = size[j];
        double f = ni * nj / (ni + nj);
        double[] delta = new double[d];
        for (int a = 0; a < d; a++) {
            delta[a] = mean[i][a] - mean[j][a];
        }
        double[] w = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                w[a * d + b] = scatter[i][a * d + b] + scatter[j][a * d + b] + f * delta[a] * delta[b];
            }
        }
        return w;
    }

    private double traceOf(double[] w) {
        double t = 0;
        for (int a = 0; a < d; a++) {
            t += w[a * d + a];
        }
        return t;
    }

    /** The cheapest partner of {@code i} among the active clusters (the first in index order on a tie). */
    private void rescan(int i) {
        int best = -1;
        for (int r = 0; r < m; r++) {
            if (active[r] && r != i && (best < 0 || cost[i * m + r] < cost[i * m + best])) {
                best = r;
            }
        }
        partner[i] = best;
    }

    private int[] labels() {
        int[] labels = new int[m];
        int[] number = new int[m];
        java.util.Arrays.fill(number, -1);
        int next = 0;
        for (int row = 0; row < m; row++) {
            int root = row;
            while (parent[root] != root) {
                root = parent[root];
            }
            if (number[root] < 0) {
                number[root] = next++;
            }
            labels[row] = number[root];
        }
        return labels;
    }
}
