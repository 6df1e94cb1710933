package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.FloatLanes.STRIDE;

/**
 * The float buffers of the float32 mode, one per {@link VectorWorkspace}, allocated the first time
 * that workspace sees a float32 matrix (a float64 fit never holds them). Same layouts as the double
 * buffers they stand for, with the float {@link FloatLanes#STRIDE}.
 */
final class FloatScratch {
    /** x − c, rounded to float; paddedFeatures × STRIDE, rows beyond D stay zero. */
    final float[] block;
    /**
     * ‖(x − c)·Uₖ − bₖ‖² per component after the E-step (the constant and the −½ are applied in
     * double when it is widened), then, for diagonal statistics, the responsibilities;
     * paddedComponents × STRIDE, rows beyond K stay zero.
     */
    final float[] squares;
    /** x·U of a shared (tied) factor during the E-step; like {@link #block}. */
    final float[] weighted;
    /**
     * The diagonal statistics tile's 8 float accumulators (Σ r·z and Σ r·z² for 4 components) at the
     * end of a block, before they are widened.
     */
    final float[] tileSums = new float[8 * FloatLanes.LANES];

    FloatScratch(int paddedFeatures, int paddedComponents) {
        block = new float[paddedFeatures * STRIDE];
        squares = new float[paddedComponents * STRIDE];
        weighted = new float[paddedFeatures * STRIDE];
    }
}
