package dev.gmm.audio;

import java.util.Objects;

/**
 * A decoded mono signal, as librosa's {@code load(path, sr=None, mono=True)} returns it: float32
 * samples in [-1, 1] at the file's native sample rate.
 *
 * @param source     where the samples came from (a file name, or a description), used in messages
 * @param samples    mono float32 samples (not copied)
 * @param sampleRate samples per second, positive
 */
public record AudioSignal(String source, float[] samples, int sampleRate) {
    /** Validates the signal: at least one sample, a positive rate, finite values. */
    public AudioSignal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate of " + source + " must be positive, got " + sampleRate);
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException(source + " has zero samples; features need at least one");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(source + ": sample " + i + " is " + samples[i] + "; samples must be finite");
            }
        }
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }
}
