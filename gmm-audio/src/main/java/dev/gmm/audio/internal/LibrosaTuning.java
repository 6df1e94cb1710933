package dev.gmm.audio.internal;

import java.util.Arrays;

/**
 * librosa 0.10.2's {@code estimate_tuning(S=S, sr=sr)}: {@code piptrack} (parabolic peak picking
 * over 150 Hz .. min(4000, sr/2), threshold 0.1 of each frame's maximum), the median magnitude as
 * a threshold, and the 100-bin histogram of {@code pitch_tuning}, whose first fullest bin is the
 * estimate (SPEC.md §9a).
 *
 * <p>Every step follows librosa's own dtypes, not a purer float64: on speech the histogram is nearly
 * flat, and on frames that hold one or two non-zero samples in digital silence the spectrum is flat
 * too, so which bins are peaks, and which bin wins, is decided by float32 round-off. In librosa
 * {@code S} is float32; the gradient, the threshold and the magnitudes are float32; numba computes
 * the parabolic shift in float64 from float32 neighbours and stores it as float32; the pitch is
 * {@code (k + shift) * sr / n_fft} in float64 stored as float32; the median is float32; the residual
 * is {@code 12 * log2(f / 27.5)} in float32 compared with float64 bin edges.
 */
public final class LibrosaTuning {
    private static final int N_FFT = 2048;
    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final int HISTOGRAM_BINS = 100;
    private static final double[] EDGES = histogramEdges();

    private LibrosaTuning() {
    }

    /** Peaks found by piptrack over all frames, in no particular order. */
    private record Peaks(float[] pitch, float[] magnitude, int count) {
    }

    /**
     * The tuning estimate, in fractions of a chroma bin (one of -0.50, -0.49, ..., 0.49).
     *
     * @param power power spectrogram, {@code [bin][frame]}; its values are taken as float32, as
     *              librosa holds them
     */
    public static double estimate(double[][] power, int sampleRate) {
        Peaks peaks = piptrack(power, sampleRate);
        if (peaks.count() == 0) {
            return 0.0;
        }
        float threshold = medianMagnitude(peaks);
        int[] counts = new int[HISTOGRAM_BINS];
        int kept = 0;
        for (int i = 0; i < peaks.count(); i++) {
            if (peaks.magnitude()[i] >= threshold) {
                counts[histogramBin(residual(peaks.pitch()[i]))]++;
                kept++;
            }
        }
        if (kept == 0) {
            return 0.0;
        }
        int best = 0;
        for (int j = 1; j < HISTOGRAM_BINS; j++) {
            if (counts[j] > counts[best]) {
                best = j;
            }
        }
        return EDGES[best];
    }

    private static Peaks piptrack(double[][] power, int sampleRate) {
        int bins = power.length, frames = power[0].length;
        double binHz = 1.0 / (N_FFT * (1.0 / sampleRate)); // np.fft.rfftfreq's spacing, to the ulp
        double fmax = Math.min(FMAX, sampleRate / 2.0);
        float[] s = new float[bins];
        float[] z = new float[bins];
        float[] pitch = new float[256];
        float[] magnitude = new float[256];
        int count = 0;
        for (int f = 0; f < frames; f++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < bins; k++) {
                s[k] = (float) power[k][f];
                max = Math.max(max, s[k]);
            }
            float ref = 0.1f * max;
            for (int k = 0; k < bins; k++) {
                z[k] = s[k] > ref ? s[k] : 0f;
            }
            for (int k = 1; k < bins; k++) {
                boolean peak = k < bins - 1 ? z[k] > z[k - 1] && z[k] >= z[k + 1] : z[k] > z[k - 1];
                double hz = k * binHz;
                if (!peak || hz < FMIN || hz >= fmax) {
                    continue;
                }
                float shift = k < bins - 1 ? parabolicShift(s[k - 1], s[k], s[k + 1]) : 0f;
                float gradient = k < bins - 1 ? (s[k + 1] - s[k - 1]) / 2f : s[k] - s[k - 1];
                if (count == pitch.length) {
                    pitch = Arrays.copyOf(pitch, 2 * count);
                    magnitude = Arrays.copyOf(magnitude, 2 * count);
                }
                pitch[count] = (float) ((k + (double) shift) * sampleRate / N_FFT);
                magnitude[count] = s[k] + 0.5f * gradient * shift;
                count++;
            }
        }
        return new Peaks(pitch, magnitude, count);
    }

    /** librosa's numba stencil: float32 neighbours, float64 arithmetic (an int literal widens them), float32 result. */
    private static float parabolicShift(float left, float centre, float right) {
        double a = (double) (right + left) - 2.0 * centre;
        double b = (double) (right - left) / 2.0;
        return Math.abs(b) >= Math.abs(a) ? 0f : (float) (-b / a);
    }

    private static float medianMagnitude(Peaks peaks) {
        float[] sorted = Arrays.copyOf(peaks.magnitude(), peaks.count());
        Arrays.sort(sorted);
        return NumpyFloat32.median(sorted, sorted.length);
    }

    /** {@code 12 * log2(f / 27.5) mod 1}, shifted into [-0.5, 0.5), in float32 as librosa's hz_to_octs and np.mod do. */
    static float residual(float pitchHz) {
        float octaves = (float) (Math.log(pitchHz / 27.5f) / Math.log(2.0));
        float semitones = 12f * octaves;
        float r = semitones - (float) Math.floor(semitones);
        return r >= 0.5f ? r - 1f : r;
    }

    /** np.histogram's bin for bins = np.linspace(-0.5, 0.5, 101): e_j <= r < e_j+1, the last bin closed. */
    static int histogramBin(float residual) {
        double r = residual;
        int lo = 0, hi = HISTOGRAM_BINS - 1; // the bin is the last j with EDGES[j] <= r
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (EDGES[mid] <= r) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** np.linspace(-0.5, 0.5, 101): j * 0.01 - 0.5, with the last edge set to 0.5 exactly. */
    private static double[] histogramEdges() {
        double[] e = new double[HISTOGRAM_BINS + 1];
        double step = 1.0 / HISTOGRAM_BINS;
        for (int j = 0; j < HISTOGRAM_BINS; j++) {
            e[j] = j * step + -0.5;
        }
        e[HISTOGRAM_BINS] = 0.5;
        return e;
    }
}
