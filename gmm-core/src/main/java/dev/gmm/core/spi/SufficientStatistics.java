package dev.gmm.core.spi;

/**
 * What one pass over the data gives a {@link CovarianceModel}'s M-step, for K components and D
 * features, read-only. The quantities follow scikit-learn 1.2.1, whose Nₖ includes a guard of 10·eps
 * so that an empty component does not divide by zero:
 * <ul>
 *   <li>{@link #weight(int)} Nₖ = Σᵢ wᵢ rᵢₖ, and {@link #guardedWeight(int)} Nₖ + 10·eps;</li>
 *   <li>{@link #mean(int)} μₖ = Σᵢ wᵢ rᵢₖ xᵢ / (Nₖ + 10·eps);</li>
 *   <li>the centred scatter Σᵢ wᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ per component ({@link ScatterKind#FULL}), its
 *       diagonal ({@link ScatterKind#DIAGONAL}), or summed over components ({@link ScatterKind#POOLED}),
 *       whichever the provider's {@link CovarianceModel#scatterKind()} asked for; the caller divides.</li>
 * </ul>
 * The core computes these around per-component shifts (the previous means), which keeps the accuracy
 * of two-pass centred sums when the data sit far from the origin; providers never see the shifts.
 *
 * <p>Every method returns a fresh array. Implementations need not be thread-safe.
 */
public interface SufficientStatistics {
    /** scikit-learn adds 10·eps to every Nₖ so that an empty component does not divide by zero. */
    double WEIGHT_GUARD = 10 * Math.ulp(1.0);

    /** K. */
    int components();

    /** D. */
    int features();

    /** Which scatter these statistics hold. */
    ScatterKind kind();

    /** Σᵢ wᵢ over all rows (the number of samples when unweighted). */
    double totalWeight();

    /** Nₖ without scikit-learn's guard. */
    double weight(int k);

    /** Nₖ + 10·eps, the divisor scikit-learn uses for means and covariances. */
    double guardedWeight(int k);

    /** μₖ = Σᵢ wᵢ rᵢₖ xᵢ / (Nₖ + 10·eps): a dead component (Nₖ ≈ 0) goes to the origin, as in scikit-learn. */
    double[] mean(int k);

    /**
     * Σᵢ wᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, D·D row-major, for a {@link ScatterKind#FULL} statistic.
     *
     * @throws IllegalStateException for another kind
     */
    double[] centredScatter(int k);

    /**
     * The diagonal of Σᵢ wᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, D values, for a FULL or DIAGONAL statistic.
     *
     * @throws IllegalStateException for a POOLED one
     */
    double[] centredDiagonal(int k);

    /**
     * Σₖ Σᵢ wᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, D·D row-major, for a POOLED or FULL statistic.
     *
     * @throws IllegalStateException for a DIAGONAL one
     */
    double[] centredPooledScatter();
}
