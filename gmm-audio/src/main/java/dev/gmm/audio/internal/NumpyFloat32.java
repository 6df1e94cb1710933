package dev.gmm.audio.internal;

/**
 * The few float32 operations of NumPy 1.24 (the version librosa 0.10.2's references were made
 * with) whose results librosa's tuning estimate depends on bit for bit, written as NumPy computes
 * them rather than as correctly rounded float operations.
 */
public final class NumpyFloat32 {
    private NumpyFloat32() {
    }

    /**
     * {@code np.abs} of a complex64 value as NumPy's AVX-512F loop computes it
     * ({@code avx512_cabsolute} in {@code numpy/core/src/umath/simd.inc.src}): the larger part times
     * {@code sqrt(fma(r, r, 1))} with {@code r = smaller / larger}, all in float32. It differs from a
     * correctly rounded {@code hypotf} by one ulp in about a quarter of the values, enough to move a
     * near-tied peak in librosa's pitch tracking. (CPUs without AVX-512F take NumPy's {@code hypotf}
     * path instead; the references here were made on AVX-512.)
     */
    public static float complexAbs(float re, float im) {
        float a = Math.abs(re), b = Math.abs(im);
        if (Float.isInfinite(a) || Float.isInfinite(b)) {
            return Float.POSITIVE_INFINITY;
        }
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.NaN;
        }
        float larger = Math.max(a, b), smaller = Math.min(a, b);
        float ratio = larger == 0 ? 0f : smaller / larger;
        return (float) Math.sqrt(Math.fma(ratio, ratio, 1.0f)) * larger;
    }

    /** {@code np.median} of float32 values: the middle one, or the float32 mean of the two middle ones. */
    public static float median(float[] sorted, int n) {
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        float sum = sorted[n / 2 - 1] + sorted[n / 2];
        return sum / 2f;
    }
}
