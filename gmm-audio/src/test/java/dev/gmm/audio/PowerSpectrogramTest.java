package dev.gmm.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The STFT on the library FFT equals the textbook definition: |sum_m w[m] x[start + m] e^(-2 pi i k m / N)|^2
 * of each centred, zero-padded, Hann-windowed frame, for every bin, the DC and Nyquist bins included
 * (the FFT packs those two into its first two slots, so a wrong unpacking shows there first), up
 * to the float32 rounding with which librosa stores it.
 */
class PowerSpectrogramTest {

    /** The power spectrum of one frame by the direct O(N^2) DFT. */
    static double[] directPower(float[] y, int frame) {
        int n = LibrosaFeatures.N_FFT;
        double[] x = new double[n];
        int start = frame * LibrosaFeatures.HOP - n / 2;
        for (int m = 0; m < n; m++) {
            int i = start + m;
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * m / n);
            x[m] = i >= 0 && i < y.length ? hann * y[i] : 0.0;
        }
        double[] p = new double[LibrosaFeatures.BINS];
        for (int k = 0; k < p.length; k++) {
            double re = 0, im = 0;
            for (int m = 0; m < n; m++) {
                double angle = 2 * Math.PI * (((long) k * m) % n) / n;
                re += x[m] * Math.cos(angle);
                im -= x[m] * Math.sin(angle);
            }
            p[k] = re * re + im * im;
        }
        return p;
    }

    @Test
    void everyBinOfEveryFrameIsTheSquaredMagnitudeOfTheDft() {
        SplittableRandom random = new SplittableRandom(11);
        float[] y = new float[3000];
        for (int i = 0; i < y.length; i++) {
            // noise, a DC offset and a component at the Nyquist frequency: all bins carry energy
            y[i] = (float) (0.3 * random.nextGaussian() + 0.2 + 0.25 * (i % 2 == 0 ? 1 : -1));
        }
        double[][] p = LibrosaFeatures.powerSpectrogram(y);
        int frames = LibrosaFeatures.frames(y.length);
        assertThat(p).hasNumberOfRows(LibrosaFeatures.BINS);
        assertThat(p[0]).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            double[] ref = directPower(y, f);
            double peak = 0;
            for (double v : ref) peak = Math.max(peak, v);
            for (int k = 0; k < ref.length; k++) {
                // complex64 storage and a float32 abs and square: a few float32 ulps of the value
                assertThat(p[k][f]).as("frame %d bin %d", f, k).isCloseTo(ref[k],
                        org.assertj.core.data.Offset.offset(1e-10 * peak + 5e-7 * ref[k]));
                assertThat((double) (float) p[k][f]).as("frame %d bin %d is a float32 value", f, k).isEqualTo(p[k][f]);
            }
            assertThat(ref[0]).as("DC carries energy in frame %d", f).isGreaterThan(1e-3 * peak);
            assertThat(ref[LibrosaFeatures.BINS - 1]).as("Nyquist carries energy in frame %d", f).isGreaterThan(1e-3 * peak);
        }
    }
}
