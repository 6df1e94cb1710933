package dev.gmm.core.internal;

import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

/**
 * The kernel's accumulator of {@link SufficientStatistics}: the raw sums around per-component shifts,
 * written in place during a pass, cleared and added up in a fixed order. Providers only ever see it
 * through the read-only {@link SufficientStatistics} view; partial results leave the core through
 * {@link dev.gmm.core.PartialStatistics}.
 */
public final class StatisticsAccumulator implements SufficientStatistics {
    private final int components;
    private final int features;
    private final ScatterKind kind;
    private final double[] weights;
    private final double[] shifts;
    private final double[] firstMoments;
    private final double[] scatter;
    private double totalWeight;

    public StatisticsAccumulator(int components, int features, ScatterKind kind) {
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

    @Override
    public int components() {
        return components;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public ScatterKind kind() {
        return kind;
    }

    /** Σᵢ wᵢ over all rows (the number of samples when unweighted). */
    @Override
    public double totalWeight() {
        return totalWeight;
    }

    public void setTotalWeight(double totalWeight) {
        this.totalWeight = totalWeight;
    }

    /** Nₖ without scikit-learn's guard. */
    @Override
    public double weight(int k) {
        return weights[k];
    }

    /** Nₖ + 10·eps, the divisor scikit-learn uses for means and covariances. */
    @Override
    public double guardedWeight(int k) {
        return weights[k] + WEIGHT_GUARD;
    }

    /**
     * The mean of component k as scikit-learn defines it, Σ rᵢₖxᵢ / (Nₖ + 10·eps), computed from the
     * shifted sums as (Nₖ·cₖ + Σ rᵢₖ(xᵢ − cₖ)) / (Nₖ + 10·eps). For a live component this is
     * cₖ + Σ rᵢₖ(xᵢ − cₖ)/Nₖ to rounding; for a dead one (Nₖ ≈ 0) it goes to the origin as in
     * scikit-learn, rather than staying at cₖ.
     */
    @Override
    public double[] mean(int k) {
        double[] m = new double[features];
        double nk = guardedWeight(k);
        for (int j = 0; j < features; j++) {
            double c = shifts[k * features + j];
            m[j] = (weights[k] * c + firstMoments[k * features + j]) / nk;
        }
        return m;
    }

    /**
     * μₖ − cₖ = (Σ rᵢₖ(xᵢ − cₖ) − 10·eps·cₖ) / (Nₖ + 10·eps), without the cancellation of subtracting
     * the shift from the mean.
     */
    private double[] meanOffset(int k) {
        double[] m = new double[features];
        double nk = guardedWeight(k);
        for (int j = 0; j < features; j++) {
            m[j] = (firstMoments[k * features + j] - WEIGHT_GUARD * shifts[k * features + j]) / nk;
        }
        return m;
    }

    /**
     * Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ for a FULL statistic, as D·D row-major; the caller divides. From the
     * shifted sums Q, F and δ = μₖ − cₖ: Q − δFᵀ − Fδᵀ + Nₖδδᵀ, which is scikit-learn's centred sum
     * exactly (in exact arithmetic), guard term included.
     */
    @Override
    public double[] centredScatter(int k) {
        requireKind(ScatterKind.FULL);
        int d = features;
        double[] out = new double[d * d];
        addCentredScatter(k, out, scatter, (k * d) * d);
        return out;
    }

    private void addCentredScatter(int k, double[] out, double[] q, int qo) {
        int d = features;
        double[] delta = meanOffset(k);
        double n = weights[k];
        for (int i = 0; i < d; i++) {
            double fi = firstMoments[k * d + i];
            for (int j = 0; j < d; j++) {
                double fj = firstMoments[k * d + j];
                out[i * d + j] += (q == null ? 0 : q[qo + i * d + j]) - delta[i] * fj - fi * delta[j]
                        + n * delta[i] * delta[j];
            }
        }
    }

    /** The diagonal of Σᵢ rᵢₖ (xᵢ − μₖ)² for a FULL or DIAGONAL statistic; the caller divides. */
    @Override
    public double[] centredDiagonal(int k) {
        if (kind == ScatterKind.POOLED) {
            throw new IllegalStateException("a POOLED statistic has no per-component diagonal");
        }
        int d = features;
        double[] out = new double[d];
        double[] delta = meanOffset(k);
        double n = weights[k];
        for (int j = 0; j < d; j++) {
            double q = kind == ScatterKind.FULL ? scatter[(k * d + j) * d + j] : scatter[k * d + j];
            double f = firstMoments[k * d + j];
            out[j] = q - 2 * delta[j] * f + n * delta[j] * delta[j];
        }
        return out;
    }

    /** Σₖ Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ for a POOLED or FULL statistic, D·D row-major; the caller divides. */
    @Override
    public double[] centredPooledScatter() {
        int d = features;
        double[] out = new double[d * d];
        if (kind == ScatterKind.FULL) {
            for (int k = 0; k < components; k++) {
                addCentredScatter(k, out, scatter, (k * d) * d);
            }
            return out;
        }
        requireKind(ScatterKind.POOLED);
        System.arraycopy(scatter, 0, out, 0, d * d);
        for (int k = 0; k < components; k++) {
            addCentredScatter(k, out, null, 0);
        }
        return out;
    }

    /**
     * How much the one-pass formulas above cancel: the largest, over components and features, of
     * Nₖ(μₖ − cₖ)² / (the centred sum of squares + Nₖ·floor) — the factor by which rounding in the
     * shifted sums is magnified in a variance. Near 0 when the shifts are the means; large when a mean
     * moved by more than a standard deviation (with {@code floor}, such as reg_covar, as the smallest
     * variance that counts), which is when the sums should be taken again around the new means.
     */
    public double cancellation(double floor) {
        int d = features;
        double worst = 0;
        if (kind == ScatterKind.POOLED) {
            double[] pooled = centredPooledScatter();
            double[] moved = new double[d];
            double n = 0;
            for (int k = 0; k < components; k++) {
                double[] delta = meanOffset(k);
                for (int j = 0; j < d; j++) {
                    moved[j] += weights[k] * delta[j] * delta[j];
                }
                n += weights[k];
            }
            for (int j = 0; j < d; j++) {
                worst = Math.max(worst, ratio(moved[j], pooled[j * d + j] + n * floor));
            }
            return worst;
        }
        for (int k = 0; k < components; k++) {
            double[] delta = meanOffset(k);
            double[] centred = centredDiagonal(k);
            for (int j = 0; j < d; j++) {
                worst = Math.max(worst, ratio(weights[k] * delta[j] * delta[j], centred[j] + weights[k] * floor));
            }
        }
        return worst;
    }

    private static double ratio(double moved, double spread) {
        if (moved == 0) {
            return 0;
        }
        return spread > 0 ? moved / spread : Double.POSITIVE_INFINITY;
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
    public void add(StatisticsAccumulator other) {
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
