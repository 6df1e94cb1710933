package dev.gmm.core.internal.kernel;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.internal.StatisticsAccumulator;

/**
 * The per-row work of EM, over a range of rows. One implementation is plain Java (the reference);
 * another uses the Vector API. Both must agree to rounding.
 *
 * <p>Kernels are stateless; per-thread buffers live in the {@link Workspace} the caller passes.
 */
public interface EmKernel {

    /**
     * The share of a row (its responsibility before the sample weight) below which the FULL and POOLED
     * statistics leave the row out of a component's sums. Most rows of a mixture of separated
     * components belong to one or two of them, and the scatter's multiply-adds (D(D+1)/2 per row and
     * component) are half of a full-covariance pass: leaving out shares of 1e-30 skips most of them.
     * What is left out is at most n·1e-30 of each Nₖ and, of each moment, 1e-30 per row times the
     * row's (squared) distance from μₖ: below double rounding unless rows lie millions of standard
     * deviations out. Diagonal
     * and spherical statistics take every share (their tiles cover 4 components at once, so skipping
     * would save nothing).
     */
    double NEGLIGIBLE_SHARE = 1e-30;

    /** "scalar", "simd-8", ... */
    String name();

    /** A workspace for one thread, for mixtures of this size. */
    Workspace newWorkspace(int components, int features);

    /**
     * The fused pass: under {@code state}, computes each row's log-likelihood and responsibilities and
     * adds, around the shifts in {@code out} (usually the state's means; other points for a recentring
     * pass), the sums of
     * {@link StatisticsAccumulator} for {@code kind}. FULL and POOLED scatters may be filled in their
     * upper triangle only; the caller mirrors them. For those two kinds, a row's share of a component
     * below {@link #NEGLIGIBLE_SHARE} adds nothing to that component's sums (nor to Nₖ); the
     * log-likelihood is always exact.
     *
     * @param sampleWeights per-row weights or null
     * @return Σ wᵢ log p(xᵢ) over the rows
     */
    double accumulate(DataMatrix data, double[] sampleWeights, int from, int to, MixtureState state,
                      ScatterKind kind, StatisticsAccumulator out, Workspace workspace);

    /**
     * Writes log p(xᵢ) of rows [from, to) into {@code logLikelihood[i - from]} and, when
     * {@code logResponsibilities} is not null, log rᵢₖ into {@code logResponsibilities[(i - from)·K + k]}.
     */
    void logLikelihoods(DataMatrix data, int from, int to, MixtureState state, double[] logLikelihood,
                        double[] logResponsibilities, Workspace workspace);

    /**
     * The k-means assignment step: for each row i in [from, to), the nearest of the {@code k} centres
     * (K·D row-major) into {@code labels[i]} and its squared distance into {@code distances[i]}. The
     * distance is Σⱼ (xⱼ − cⱼ)² summed in feature order with separate multiply and add, and ties go to
     * the lowest index, so every kernel gives the same bits.
     *
     * @param workspace one of {@link #newWorkspace newWorkspace(k, D)}
     */
    void nearestCentres(DataMatrix data, int from, int to, double[] centres, int k, int[] labels,
                        double[] distances, Workspace workspace);

    /** Per-thread scratch memory of a kernel. */
    interface Workspace {
    }
}
