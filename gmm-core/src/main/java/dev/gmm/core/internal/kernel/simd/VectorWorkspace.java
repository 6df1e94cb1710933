package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.BLOCK;
import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.spi.ScatterKind;

/**
 * Everything one thread of the SIMD kernel writes, allocated once per fit: the data block
 * (feature-major, entry (j, r) at {@code j·STRIDE + r}), per-component log-probabilities, and
 * lane-wide partial sums of the statistics, which are reduced to scalars only at the end of a call so
 * that the inner loops never reduce across lanes. The float32 mode adds its float buffers
 * ({@link FloatScratch}) on first use; its statistics land in the same double lane sums.
 */
final class VectorWorkspace implements EmKernel.Workspace {
    final PreparedMixture mixture;
    /** x − c (or x, for k-means), paddedFeatures × STRIDE; rows beyond D stay zero. */
    final double[] block;
    /**
     * log wₖ N(x | k), then exp(that − row max), then (diagonal statistics) the responsibilities;
     * paddedComponents × STRIDE, rows beyond K stay zero.
     */
    final double[] logProb;
    /** {@link Triage}: the window row at each position of the block, and the component guessed for it. */
    final int[] order;
    final int[] likely;
    /** {@link Triage}: counting-sort offsets per component (K + 1), and the components evaluated in a group. */
    final int[] bucketStart;
    final boolean[] evaluated;
    /** The running Σ w·log p(x) and Σ w of the current {@code accumulate} call, in row order. */
    double callLogLikelihood;
    double callWeight;
    /**
     * {@link Triage}'s window: its blocks as loaded (feature-major, each like {@link #block}), each row's
     * guessed component (as a double), and the window's rows sorted by it with their components.
     * Allocated on the first triage.
     */
    double[][] windowBlocks;
    double[] windowGuess;
    int[] windowOrder;
    int[] windowLikely;
    /** 0, 1, …, K − 1: the components of a plain log-sum-exp. */
    final int[] everyComponent;
    /** {@link Triage}: the components evaluated in the current row group, in order. */
    final int[] groupComponents;
    /** {@link Triage}: per component, bit g set when row group g of the block was evaluated exactly. */
    final long[] evaluatedGroups;
    final double[] rowMax;
    final double[] rowSum;
    final double[] lse;
    /** Sample weight of each row of the block; 0 on padding rows. */
    final double[] weight;
    /** wᵢ / Σₖ exp(·): multiplies exp(log p − max) into a responsibility. */
    final double[] rowScale;
    /**
     * EmKernel.NEGLIGIBLE_SHARE · Σₖ exp(·): an exp(log p − max) below it is a share the full and pooled
     * statistics leave out.
     */
    final double[] shareFloor;
    /**
     * The runs [start, end) of consecutive row vectors of the block in which component k (the one being
     * accumulated) has a share worth adding, in order; {@link BlockMoments} runs the scatter tiles over
     * these only.
     */
    final int[] heldStart;
    final int[] heldEnd;
    final double[] resp;
    /**
     * rᵢₖ(x − μₖ) for the full and pooled scatter, or x·U of a shared
     * (tied) factor during the E-step; paddedFeatures × STRIDE, rows beyond D stay zero.
     */
    final double[] weighted;
    /**
     * Lane-wide partial sums: Nₖ (paddedComponents·LANES) and first moments
     * (paddedComponents·paddedFeatures·LANES; around μₖ).
     */
    final double[] weightLanes;
    final double[] firstLanes;
    /**
     * Diagonal scatter (paddedComponents·paddedFeatures·LANES), or full/pooled scatter tiles
     * (targets·pairs·TILE²·LANES): allocated by {@link #prepareStatistics} for the kind in use, so a
     * workspace that only evaluates or assigns (scoring, k-means) never holds it.
     */
    double[] scatterLanes;
    private ScatterKind scatterKind;
    final int tilePairs;
    /** K rounded up to a multiple of 4, the component tile of the diagonal statistics. */
    final int paddedComponents;
    /** Running ‖y‖² of one row group: GROUP vectors. */
    final double[] squares = new double[Lanes.GROUP * LANES];
    /** Where {@link StreamAhead}'s token goes: written, never read, so the JIT keeps its loads. */
    long streamToken;
    /** The float32 mode's buffers: null until this workspace first sees a float32 matrix. */
    private FloatScratch floats;

    VectorWorkspace(int components, int features) {
        mixture = new PreparedMixture(components, features);
        paddedComponents = (components + 3) / 4 * 4;
        int dp = mixture.paddedFeatures;
        block = new double[dp * STRIDE];
        logProb = new double[paddedComponents * STRIDE];
        order = new int[BLOCK];
        likely = new int[BLOCK];
        bucketStart = new int[components + 1];
        evaluated = new boolean[components];
        everyComponent = new int[components];
        for (int k = 0; k < components; k++) {
            everyComponent[k] = k;
        }
        groupComponents = new int[components];
        evaluatedGroups = new long[components];
        rowMax = new double[BLOCK];
        rowSum = new double[BLOCK];
        lse = new double[BLOCK];
        weight = new double[BLOCK];
        rowScale = new double[BLOCK];
        shareFloor = new double[BLOCK];
        heldStart = new int[BLOCK / LANES];
        heldEnd = new int[BLOCK / LANES];
        resp = new double[BLOCK];
        weighted = new double[dp * STRIDE];
        weightLanes = new double[paddedComponents * LANES];
        firstLanes = new double[paddedComponents * dp * LANES];
        tilePairs = mixture.tiles * (mixture.tiles + 1) / 2;
    }

    /** The float32 mode's buffers, allocated on the first call (once per workspace, not per call). */
    FloatScratch floats() {
        if (floats == null) {
            floats = new FloatScratch(mixture.paddedFeatures, paddedComponents);
        }
        return floats;
    }

    /** Whether this workspace has run the float32 mode: it then holds the float buffers. */
    boolean ranFloat32Mode() {
        return floats != null;
    }

    /** Makes {@link #scatterLanes} fit {@code kind}; allocates only on the first call of a fit. */
    void prepareStatistics(ScatterKind kind) {
        if (kind == scatterKind) {
            return;
        }
        long size = switch (kind) {
            case DIAGONAL -> (long) paddedComponents * mixture.paddedFeatures * LANES;
            case FULL -> (long) mixture.components * tilePairs * TILE * TILE * LANES;
            case POOLED -> (long) tilePairs * TILE * TILE * LANES;
        };
        scatterLanes = new double[Math.toIntExact(size)];
        scatterKind = kind;
    }
}
