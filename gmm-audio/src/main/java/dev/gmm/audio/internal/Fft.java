package dev.gmm.audio.internal;

/** In-place iterative radix-2 complex FFT of a fixed power-of-two size (no scaling). */
public final class Fft {
    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] rev;

    /** Precomputes twiddles and the bit-reversal permutation for size {@code n}. */
    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + n);
        }
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = -Math.sin(2 * Math.PI * i / n);
        }
        rev = new int[n];
        int bitsN = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            rev[i] = Integer.reverse(i) >>> (32 - bitsN);
        }
    }

    /** Forward transform X[k] = sum x[m] exp(-2 pi i k m / n), in place. */
    public void forward(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = rev[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, step = n / len;
            for (int s = 0; s < n; s += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step], wi = sin[k * step];
                    int a = s + k, c = a + half;
                    double xr = re[c] * wr - im[c] * wi;
                    double xi = re[c] * wi + im[c] * wr;
                    re[c] = re[a] - xr; im[c] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }
}
