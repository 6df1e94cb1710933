package dev.gmm.example.tieddiag;

import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;

import java.util.HashMap;
import java.util.Map;

/**
 * How evenly rows spread over clusters ("cluster_balance"): the entropy of the cluster sizes divided
 * by ln k, 1 for equal sizes and near 0 when one cluster takes almost everything.
 */
public final class ClusterBalance implements ClusterMetric {

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public ClusterBalance() {
    }

    @Override
    public String name() {
        return "cluster_balance";
    }

    @Override
    public String description() {
        return "entropy of the cluster sizes over ln k (example plugin)";
    }

    @Override
    public boolean appliesTo(MetricInput input) {
        return input.predicted() != null;
    }

    @Override
    public double compute(MetricInput input) {
        int[] labels = input.predicted();
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("cluster_balance needs predicted labels");
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int l : labels) {
            sizes.merge(l, 1, Integer::sum);
        }
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("cluster_balance is undefined for a single cluster");
        }
        double entropy = 0;
        for (int size : sizes.values()) {
            double p = size / (double) labels.length;
            entropy -= p * Math.log(p);
        }
        return entropy / Math.log(sizes.size());
    }
}
