package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.ScatterKind;

/**
 * Sufficient statistics of given responsibilities, in two passes (means first, then sums centred on
 * them): the M-step scikit-learn's {@code _initialize} runs on an initializer's output.
 */
public final class InitialStatistics {
    private InitialStatistics() {
    }

    public static StatisticsAccumulator of(DataMatrix data, double[] sampleWeights, InitialResponsibilities resp,
                                   int components, ScatterKind kind) {
        int n = data.rows();
        int d = data.cols();
        Responsibility r = responsibility(resp, n, components);
        int[] rows = resp instanceof InitialResponsibilities.SingleRows s ? s.rows() : null;
        // with hard labels only the row's own component has a non-zero responsibility: visit just that one
        int[] labels = resp instanceof InitialResponsibilities.HardLabels h ? h.labels() : null;

        StatisticsAccumulator stats = new StatisticsAccumulator(components, d, kind);
        double[] x = new double[d];
        // pass 1: weights and means (shift 0)
        double[] nk = stats.rawWeights();
        double[] first = stats.rawFirstMoments();
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += sampleWeights == null ? 1 : sampleWeights[i];
        }
        forEachRow(n, rows, i -> {
            double w = sampleWeights == null ? 1 : sampleWeights[i];
            data.copyRow(i, x, 0);
            for (int k = firstComponent(labels, i); k < lastComponent(labels, i, components); k++) {
                double rik = w * r.at(i, k);
                if (rik != 0) {
                    nk[k] += rik;
                    for (int j = 0; j < d; j++) {
                        first[k * d + j] += rik * x[j];
                    }
                }
            }
        });
        double[] means = new double[components * d];
        for (int k = 0; k < components; k++) {
            System.arraycopy(stats.mean(k), 0, means, k * d, d);
        }
        // pass 2: sums centred on those means
        stats.clearSums();
        stats.setTotalWeight(total);
        System.arraycopy(means, 0, stats.rawShifts(), 0, means.length);
        double[] scatter = stats.rawScatter();
        forEachRow(n, rows, i -> {
            double w = sampleWeights == null ? 1 : sampleWeights[i];
            data.copyRow(i, x, 0);
            for (int k = firstComponent(labels, i); k < lastComponent(labels, i, components); k++) {
                double rik = w * r.at(i, k);
                if (rik == 0) {
                    continue;
                }
                nk[k] += rik;
                int mo = k * d;
                for (int a = 0; a < d; a++) {
                    double za = x[a] - means[mo + a];
                    first[mo + a] += rik * za;
                    switch (kind) {
                        case FULL -> {
                            for (int b = 0; b < d; b++) {
                                scatter[(mo + a) * d + b] += rik * za * (x[b] - means[mo + b]);
                            }
                        }
                        case POOLED -> {
                            for (int b = 0; b < d; b++) {
                                scatter[a * d + b] += rik * za * (x[b] - means[mo + b]);
                            }
                        }
                        case DIAGONAL -> scatter[mo + a] += rik * za * za;
                    }
                }
            }
        });
        if (kind == ScatterKind.POOLED && rows != null) {
            addUnclaimedRows(data, sampleWeights, rows, stats);
        }
        return stats;
    }

    /**
     * scikit-learn's tied covariance is (XᵀX − Σₖ nₖμₖμₖᵀ) / Σₖ nₖ, with XᵀX over every row: a
     * formula that assumes each row's responsibilities sum to 1. A start from single rows (k-means++,
     * random_from_data) gives only K rows any responsibility, so scikit-learn's start covariance also
     * holds Σᵢ (1 − Σₖ rᵢₖ) xᵢxᵢᵀ — the raw second moment of the other rows, about the origin. We
     * reproduce it (the core issue asked for sklearn's quirks), which makes that start covariance as
     * wide as the data's spread around the origin rather than reg_covar·I.
     */
    private static void addUnclaimedRows(DataMatrix data, double[] sampleWeights, int[] rows, StatisticsAccumulator stats) {
        int n = data.rows();
        int d = data.cols();
        int[] claims = new int[n];
        for (int row : rows) {
            claims[row]++;
        }
        double[] scatter = stats.rawScatter();
        double[] x = new double[d];
        for (int i = 0; i < n; i++) {
            double w = (sampleWeights == null ? 1 : sampleWeights[i]) * (1 - claims[i]);
            if (w == 0) {
                continue;
            }
            data.copyRow(i, x, 0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    scatter[a * d + b] += w * x[a] * x[b];
                }
            }
        }
    }

    /** The first component to visit for row i: its label, or 0 without labels (an out-of-range label visits none). */
    private static int firstComponent(int[] labels, int i) {
        return labels == null ? 0 : labels[i];
    }

    /** One past the last component to visit for row i. */
    private static int lastComponent(int[] labels, int i, int components) {
        if (labels == null) {
            return components;
        }
        int label = labels[i];
        return label >= 0 && label < components ? label + 1 : label;
    }

    @FunctionalInterface
    private interface Responsibility {
        double at(int row, int component);
    }

    private static Responsibility responsibility(InitialResponsibilities resp, int n, int components) {
        return switch (resp) {
            case InitialResponsibilities.HardLabels h -> {
                int[] labels = h.labels();
                if (labels.length != n) {
                    throw new IllegalStateException("initializer gave " + labels.length + " labels for " + n + " rows");
                }
                yield (i, k) -> labels[i] == k ? 1 : 0;
            }
            case InitialResponsibilities.SingleRows s -> {
                int[] rows = s.rows();
                if (rows.length != components) {
                    throw new IllegalStateException("initializer gave " + rows.length + " rows for " + components
                            + " components");
                }
                yield (i, k) -> rows[k] == i ? 1 : 0;
            }
            case InitialResponsibilities.Soft soft -> {
                double[] v = soft.values();
                if (v.length != (long) n * components) {
                    throw new IllegalStateException("initializer gave " + v.length + " responsibilities for "
                            + n + "x" + components);
                }
                yield (i, k) -> v[i * components + k];
            }
        };
    }

    private static void forEachRow(int n, int[] onlyRows, java.util.function.IntConsumer action) {
        if (onlyRows != null) {
            int[] sorted = java.util.Arrays.stream(onlyRows).distinct().sorted().toArray();
            for (int i : sorted) {
                action.accept(i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                action.accept(i);
            }
        }
    }
}
