package dev.gmm.audio;

import dev.gmm.audio.internal.LibrosaTuning;
import dev.gmm.audio.internal.NumpyFloat32;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * librosa 0.10.2 default features, following SPEC.md of the librosa-audio fixtures: centred STFT
 * (n_fft 2048, hop 512, periodic Hann, zero padding), Slaney mel (128), power_to_db (top_db 80),
 * MFCC (orthonormal DCT-II), chroma_stft with tuning estimation, ZCR (edge padding) and RMS.
 * Matrices are {@code [row][frame]}. The power spectrogram holds librosa's float32 values and the
 * tuning estimate follows librosa's float32 arithmetic, because its outcome hinges on round-off
 * (see {@link #powerSpectrogram} and {@link #estimateTuning}); the rest is computed in double, within
 * the spec's tolerances of librosa's float32. The STFT's real 2048-point transforms use JTransforms ({@code DoubleFFT_1D}),
 * measured about 3-4 times faster than Commons Math's {@code FastFourierTransformer} (see the README).
 */
public final class LibrosaFeatures {
    /** FFT size. */
    public static final int N_FFT = 2048;
    /** Hop between frames. */
    public static final int HOP = 512;
    /** Number of frequency bins, N_FFT/2 + 1. */
    public static final int BINS = N_FFT / 2 + 1;
    /** Mel bands. */
    public static final int N_MELS = 128;
    private static final double FLOAT32_TINY = 1.1754943508222875e-38;
    private static final double[] WINDOW = new double[N_FFT];
    // one plan per thread: folders are featurized in parallel, and a plan is cheap next to a file
    private static final ThreadLocal<DoubleFFT_1D> FFT = ThreadLocal.withInitial(() -> new DoubleFFT_1D(N_FFT));
    private static final ConcurrentMap<Integer, MelBank> MEL_BANKS = new ConcurrentHashMap<>();

    static {
        for (int m = 0; m < N_FFT; m++) {
            WINDOW[m] = 0.5 - 0.5 * Math.cos(2 * Math.PI * m / N_FFT); // periodic Hann
        }
    }

    private LibrosaFeatures() {
    }

    /** Number of centred frames, 1 + floor(n / 512). */
    public static int frames(int samples) {
        return 1 + samples / HOP;
    }

    /**
     * Power spectrogram |X|^2, [1025][T], of the zero-padded centred STFT, holding librosa's values:
     * each frame is transformed in double, the result is stored as complex64 (real and imaginary
     * parts rounded to float), and {@code np.abs(X) ** 2} is taken in float32 the way NumPy 1.24
     * computes it. Every value is a float32 value. On frames of near-silence the tuning estimate's
     * peaks are decided by this round-off, so a double-precision |X|^2 picks other peaks there.
     */
    public static double[][] powerSpectrogram(float[] y) {
        int t = frames(y.length);
        double[][] p = new double[BINS][t];
        double[] frame = new double[N_FFT];
        DoubleFFT_1D fft = FFT.get();
        for (int f = 0; f < t; f++) {
            int start = f * HOP - N_FFT / 2;
            for (int m = 0; m < N_FFT; m++) {
                int i = start + m;
                frame[m] = (i >= 0 && i < y.length) ? WINDOW[m] * y[i] : 0.0;
            }
            // realForward packs the half spectrum in place: [Re 0, Re N/2, Re 1, Im 1, ..., Re N/2-1, Im N/2-1]
            fft.realForward(frame);
            p[0][f] = float32Power(frame[0], 0.0);
            p[BINS - 1][f] = float32Power(frame[1], 0.0);
            for (int k = 1; k < BINS - 1; k++) {
                p[k][f] = float32Power(frame[2 * k], frame[2 * k + 1]);
            }
        }
        return p;
    }

    /** |re + i im|^2 as librosa gets it: complex64 storage, NumPy's float32 abs, squared in float32. */
    private static double float32Power(double re, double im) {
        float magnitude = NumpyFloat32.complexAbs((float) re, (float) im);
        return magnitude * magnitude;
    }

    /** Slaney Hz to mel. */
    static double hzToMel(double f) {
        return f < 1000 ? f / (200.0 / 3) : 15.0 + Math.log(f / 1000.0) / (Math.log(6.4) / 27.0);
    }

    /** Slaney mel to Hz. */
    static double melToHz(double m) {
        return m < 15 ? (200.0 / 3) * m : 1000.0 * Math.exp((Math.log(6.4) / 27.0) * (m - 15.0));
    }

    /** Dense Slaney mel filterbank W, [128][1025], for {@code sampleRate}. */
    public static double[][] melFilterbank(int sampleRate) {
        double top = hzToMel(sampleRate / 2.0);
        double[] f = new double[N_MELS + 2];
        for (int j = 0; j < f.length; j++) {
            f[j] = melToHz(j * top / (N_MELS + 1));
        }
        double[][] w = new double[N_MELS][BINS];
        for (int i = 0; i < N_MELS; i++) {
            double norm = 2.0 / (f[i + 2] - f[i]);
            for (int k = 0; k < BINS; k++) {
                double fk = (double) k * sampleRate / N_FFT;
                double lower = (fk - f[i]) / (f[i + 1] - f[i]);
                double upper = (f[i + 2] - fk) / (f[i + 2] - f[i + 1]);
                w[i][k] = Math.max(0.0, Math.min(lower, upper)) * norm;
            }
        }
        return w;
    }

    /** Sparse form of the mel filterbank: per band, the first non-zero bin and its weights. */
    private record MelBank(int[] first, double[][] weights) {
        static MelBank of(int sampleRate) {
            double[][] w = melFilterbank(sampleRate);
            int[] first = new int[N_MELS];
            double[][] ws = new double[N_MELS][];
            for (int i = 0; i < N_MELS; i++) {
                int lo = 0, hi = BINS - 1;
                while (lo < BINS && w[i][lo] == 0) lo++;
                while (hi >= lo && w[i][hi] == 0) hi--;
                first[i] = Math.min(lo, BINS);
                ws[i] = lo <= hi ? Arrays.copyOfRange(w[i], lo, hi + 1) : new double[0];
            }
            return new MelBank(first, ws);
        }
    }

    /** Mel power spectrogram, [128][T]. */
    public static double[][] melSpectrogram(double[][] power, int sampleRate) {
        MelBank bank = MEL_BANKS.computeIfAbsent(sampleRate, MelBank::of);
        int t = power[0].length;
        double[][] mel = new double[N_MELS][t];
        for (int i = 0; i < N_MELS; i++) {
            double[] w = bank.weights()[i];
            int k0 = bank.first()[i];
            double[] row = mel[i];
            for (int j = 0; j < w.length; j++) {
                double wj = w[j];
                double[] p = power[k0 + j];
                for (int f = 0; f < t; f++) {
                    row[f] += wj * p[f];
                }
            }
        }
        return mel;
    }

    /** power_to_db(S, ref=1, amin=1e-10, top_db=80) with the floor relative to the whole matrix. */
    public static double[][] powerToDb(double[][] s) {
        double max = Double.NEGATIVE_INFINITY;
        double[][] d = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            d[i] = new double[s[i].length];
            for (int f = 0; f < s[i].length; f++) {
                d[i][f] = 10.0 * Math.log10(Math.max(1e-10, s[i][f]));
                max = Math.max(max, d[i][f]);
            }
        }
        double floor = max - 80.0;
        for (double[] row : d) {
            for (int f = 0; f < row.length; f++) {
                row[f] = Math.max(row[f], floor);
            }
        }
        return d;
    }

    /** Orthonormal DCT-II over the rows of {@code db}, first {@code nMfcc} coefficients, [nMfcc][T]. */
    public static double[][] mfccFromDb(double[][] db, int nMfcc) {
        int m = db.length, t = db[0].length;
        double[][] c = new double[nMfcc][t];
        for (int j = 0; j < nMfcc; j++) {
            double s = j == 0 ? Math.sqrt(1.0 / m) : Math.sqrt(2.0 / m);
            for (int i = 0; i < m; i++) {
                double w = s * Math.cos(Math.PI * j * (2 * i + 1) / (2.0 * m));
                double[] row = db[i];
                for (int f = 0; f < t; f++) {
                    c[j][f] += w * row[f];
                }
            }
        }
        return c;
    }

    /**
     * librosa's estimate_tuning (piptrack + pitch_tuning) on a power spectrogram, in chroma bins,
     * with librosa's float32 arithmetic (the spectrogram's values are taken as float32).
     */
    public static double estimateTuning(double[][] s, int sampleRate) {
        return LibrosaTuning.estimate(s, sampleRate);
    }

    /** librosa.filters.chroma(sr, 2048, tuning), [12][1025], row 0 = C. */
    public static double[][] chromaFilterbank(int sampleRate, double tuning) {
        double a440 = 440.0 * Math.pow(2.0, tuning / 12.0);
        double[] fb = new double[N_FFT];
        for (int j = 1; j < N_FFT; j++) {
            double freq = j * ((double) sampleRate / N_FFT);
            fb[j] = 12.0 * (Math.log(freq / (a440 / 16.0)) / Math.log(2.0));
        }
        fb[0] = fb[1] - 18.0;
        double[][] g = new double[12][BINS];
        for (int j = 0; j < BINS; j++) {
            double wid = j < N_FFT - 1 ? Math.max(fb[j + 1] - fb[j], 1.0) : 1.0;
            double[] col = new double[12];
            double ss = 0;
            for (int c = 0; c < 12; c++) {
                double x = fb[j] - c + 6.0 + 120.0;
                double d = x - 12.0 * Math.floor(x / 12.0) - 6.0;
                double v = Math.exp(-0.5 * Math.pow(2.0 * d / wid, 2));
                col[c] = v;
                ss += v * v;
            }
            double norm = Math.sqrt(ss);
            double oct = Math.exp(-0.5 * Math.pow((fb[j] / 12.0 - 5.0) / 2.0, 2));
            for (int c = 0; c < 12; c++) {
                g[c][j] = col[(c + 3) % 12] / norm * oct;
            }
        }
        return g;
    }

    /** chroma_stft from a power spectrogram with a given tuning, norm = inf per frame, [12][T]. */
    public static double[][] chroma(double[][] power, int sampleRate, double tuning) {
        double[][] fbank = chromaFilterbank(sampleRate, tuning);
        int t = power[0].length;
        double[][] raw = new double[12][t];
        for (int c = 0; c < 12; c++) {
            double[] w = fbank[c];
            double[] row = raw[c];
            for (int k = 0; k < BINS; k++) {
                double wk = w[k];
                double[] p = power[k];
                for (int f = 0; f < t; f++) row[f] += wk * p[f];
            }
        }
        for (int f = 0; f < t; f++) {
            double max = 0;
            for (int c = 0; c < 12; c++) max = Math.max(max, Math.abs(raw[c][f]));
            if (max < FLOAT32_TINY) continue;
            for (int c = 0; c < 12; c++) raw[c][f] /= max;
        }
        return raw;
    }

    /** Zero-crossing rate per frame (edge padding, threshold 1e-10, count / 2048), [T]. */
    public static double[] zeroCrossingRate(float[] y) {
        int t = frames(y.length);
        double thr = (float) 1e-10;
        int n = y.length;
        boolean[] neg = new boolean[n + N_FFT];
        for (int i = 0; i < n + N_FFT; i++) {
            int src = Math.max(0, Math.min(n - 1, i - N_FFT / 2));
            float v = y[src];
            neg[i] = Math.abs(v) > thr && (Float.floatToRawIntBits(v) < 0);
        }
        double[] z = new double[t];
        for (int f = 0; f < t; f++) {
            int s = f * HOP, c = 0;
            for (int m = 1; m < N_FFT; m++) if (neg[s + m] != neg[s + m - 1]) c++;
            z[f] = c / (double) N_FFT;
        }
        return z;
    }

    /** RMS per frame of the zero-padded signal (no window), [T]. */
    public static double[] rms(float[] y) {
        int t = frames(y.length);
        double[] r = new double[t];
        for (int f = 0; f < t; f++) {
            int start = f * HOP - N_FFT / 2;
            double s = 0;
            for (int m = 0; m < N_FFT; m++) {
                int i = start + m;
                if (i >= 0 && i < y.length) s += (double) y[i] * y[i];
            }
            r[f] = Math.sqrt(s / N_FFT);
        }
        return r;
    }

    /** Energy, the sum of y^2 in float64. */
    public static double energy(float[] y) {
        double s = 0;
        for (float v : y) s += (double) v * v;
        return s;
    }

    /** Mean of each row over all frames. */
    public static double[] rowMeans(double[][] m) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (double v : m[i]) s += v;
            out[i] = s / m[i].length;
        }
        return out;
    }
}
