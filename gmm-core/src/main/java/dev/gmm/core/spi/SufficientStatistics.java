package dev.gmm.core.spi;

/**
 * What one pass of the kernel accumulates for the M-step, for K components and D features.
 *
 * <p>Sums are taken around a per-component shift cₖ (usually the previous mean), which keeps the
 * accuracy of two-pass centred sums when the data sit far from the origin:
 * <ul>
 *   <li>{@code weight(k)} = Nₖ = Σᵢ wᵢ rᵢₖ</li>
 *   <li>{@code firstMoment(k)} = Σᵢ wᵢ rᵢₖ (xᵢ − cₖ)</li>
 *   <li>the scatter, by {@link ScatterKind}: per component Σᵢ wᵢ rᵢₖ (xᵢ − cₖ)(xᵢ − cₖ)ᵀ (full, D·D
 *       row-major), its diagonal (D values), or one pooled D·D matrix summed over components</li>
 * </ul>
 * The accessors {@link #mean(int)} and the {@code centred…} methods turn these into the quantities an
 * M-step needs, following scikit-learn ({@code nk} includes its {@code 10·eps} guard).
 */
public final class SufficientStatistics {
    /** scikit-learn adds 10·eps to every Nₖ so that an empty component does not divide by zero. */
    public static final double WEIGHT_GUARD = 10 * Math.ulp(1.0);

    private final int components;
    private final int features;
    private final ScatterKind kind;
    private final double[] weights;
    private final double[] shifts;
    private final double[] firstMoments;
    private final double[] scatter;
    private double totalWeight;

    public SufficientStatistics(int components, int features, ScatterKind kind) {
        this.components = components;
        this.features = features;
        this.kind = kind;
        this.weights = new double[components];
        this.shifts = new double[components * features];
        this.firstMoments = new double[components * features];
        this.scatter = new double[switch (kind) {
            case FULL -> components * features * features;
            case DIAGONAL -> components * features;
            case POOLED -> features * features;
        }];
    }

    public int components() {
        return components;
    }

    public int features() {
        return features;
    }

    public ScatterKind kind() {
        return kind;
    }

    /** Σᵢ wᵢ over all rows (the number of samples when unweighted). */
    public double totalWeight() {
        return totalWeight;
    }

    public void setTotalWeight(double totalWeight) {
        this.totalWeight = totalWeight;
    }

    /** Nₖ without scikit-learn's guard. */
    public double weight(int k) {
        return weights[k];
    }

    /** Nₖ + 10·eps, the divisor scikit-learn uses for means and covariances. */
    public double guardedWeight(int k) {
        return weights[k] + WEIGHT_GUARD;
    }

    /** The mean of component k: cₖ + Σ rᵢₖ(xᵢ − cₖ) / (Nₖ + 10·eps). */
    public double[] mean(int k) {
        double[] m = new double[features];
        double nk = guardedWeight(k);
        for (int j = 0; j < features; j++) {
            m[j] = shifts[k * features + j] + firstMoments[k * features + j] / nk;
        }
        return m;
    }

    /**
     * Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ for a FULL statistic, as D·D row-major; the caller divides.
     */
    public double[] centredScatter(int k) {
        requireKind(ScatterKind.FULL);
        int d = features;
        double[] out = new double[d * d];
        double nk = guardedWeight(k);
        for (int i = 0; i < d; i++) {
            double di = firstMoments[k * d + i] / nk;
            for (int j = 0; j < d; j++) {
                double dj = firstMoments[k * d + j] / nk;
                out[i * d + j] = scatter[(k * d + i) * d + j] - nk * di * dj;
            }
        }
        return out;
    }

    /** The diagonal of Σᵢ rᵢₖ (xᵢ − μₖ)² for a FULL or DIAGONAL statistic; the caller divides. */
    public double[] centredDiagonal(int k) {
        int d = features;
        double[] out = new double[d];
        double nk = guardedWeight(k);
        for (int j = 0; j < d; j++) {
            double dj = firstMoments[k * d + j] / nk;
            double q = kind == ScatterKind.FULL ? scatter[(k * d + j) * d + j]
                    : kind == ScatterKind.DIAGONAL ? scatter[k * d + j] : Double.NaN;
            if (kind == ScatterKind.POOLED) {
                throw new IllegalStateException("a POOLED statistic has no per-component diagonal");
            }
            out[j] = q - nk * dj * dj;
        }
        return out;
    }

    /** Σₖ Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ for a POOLED or FULL statistic, D·D row-major; the caller divides. */
    public double[] centredPooledScatter() {
        int d = features;
        double[] out = new double[d * d];
        if (kind == ScatterKind.FULL) {
            for (int k = 0; k < components; k++) {
                double[] c = centredScatter(k);
                for (int i = 0; i < c.length; i++) {
                    out[i] += c[i];
                }
            }
            return out;
        }
        requireKind(ScatterKind.POOLED);
        System.arraycopy(scatter, 0, out, 0, d * d);
        for (int k = 0; k < components; k++) {
            double nk = guardedWeight(k);
            for (int i = 0; i < d; i++) {
                double di = firstMoments[k * d + i] / nk;
                for (int j = 0; j < d; j++) {
                    out[i * d + j] -= nk * di * (firstMoments[k * d + j] / nk);
                }
            }
        }
        return out;
    }

    private void requireKind(ScatterKind expected) {
        if (kind != expected) {
            throw new IllegalStateException("this statistic is " + kind + ", not " + expected);
        }
    }

    // Raw access for kernels: the arrays themselves, written in place during a pass.

    /** Nₖ, one per component (raw, for kernels). */
    public double[] rawWeights() {
        return weights;
    }

    /** The shifts cₖ, K·D row-major (raw, for kernels). */
    public double[] rawShifts() {
        return shifts;
    }

    /** Σ rᵢₖ (xᵢ − cₖ), K·D row-major (raw, for kernels). */
    public double[] rawFirstMoments() {
        return firstMoments;
    }

    /** The scatter, laid out as {@link ScatterKind} says (raw, for kernels). */
    public double[] rawScatter() {
        return scatter;
    }

    /** Zeroes every sum, keeping the shifts. */
    public void clearSums() {
        java.util.Arrays.fill(weights, 0);
        java.util.Arrays.fill(firstMoments, 0);
        java.util.Arrays.fill(scatter, 0);
        totalWeight = 0;
    }

    /** Adds another statistic's sums (same shape and shifts) into this one. */
    public void add(SufficientStatistics other) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] += other.weights[i];
        }
        for (int i = 0; i < firstMoments.length; i++) {
            firstMoments[i] += other.firstMoments[i];
        }
        for (int i = 0; i < scatter.length; i++) {
            scatter[i] += other.scatter[i];
        }
        totalWeight += other.totalWeight;
    }
}
