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

    /** "scalar", "simd-8", ... */
    String name();

    /** A workspace for one thread, for mixtures of this size. */
    Workspace newWorkspace(int components, int features);

    /**
     * The fused pass: under {@code state}, computes each row's log-likelihood and responsibilities and
     * adds, around the shifts in {@code out} (usually the state's means; other points for a recentring
     * pass), the sums of
     * {@link StatisticsAccumulator} for {@code kind}. FULL and POOLED scatters may be filled in their
     * upper triangle only; the caller mirrors them.
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
