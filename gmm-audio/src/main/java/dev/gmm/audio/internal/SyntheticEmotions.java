package dev.gmm.audio.internal;

import dev.gmm.audio.AudioSignal;
import dev.gmm.datasets.Ravdess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small labelled stand-in for RAVDESS, made in memory: voiced "syllables" whose pitch, loudness
 * and tempo depend on the emotion (and pitch on the actor's sex), so the demo runs with no download.
 */
final class SyntheticEmotions {
    static final int SAMPLE_RATE = 16_000;

    /** One synthetic recording, named as RAVDESS would name it. */
    record Clip(Ravdess.Entry name, AudioSignal signal) {
        /** The RAVDESS file name, e.g. 03-01-05-02-02-01-03.wav. */
        String fileName() {
            return name.path().toString();
        }
    }

    private SyntheticEmotions() {
    }

    /**
     * 8 emotions x {@code actors} actors (odd ones male) x 2 repetitions, 1 s each, all of the
     * study's selection: audio-only speech, strong intensity, statement 2.
     */
    static List<Clip> generate(int actors, long seed) {
        List<Clip> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int actor = 1; actor <= actors; actor++) {
            for (int emotion = 1; emotion <= 8; emotion++) {
                for (int repetition = 1; repetition <= 2; repetition++) {
                    String file = String.format(Locale.ROOT, "03-01-%02d-02-02-%02d-%02d.wav", emotion, repetition, actor);
                    Ravdess.Entry name = Ravdess.parse(Path.of(file));
                    out.add(new Clip(name, new AudioSignal(file, voice(emotion, actor % 2 == 1, rnd), SAMPLE_RATE)));
                }
            }
        }
        return out;
    }

    // Positive emotions are higher and faster; "aroused" ones (happy, angry, fearful, surprised) louder.
    private static float[] voice(int emotion, boolean male, SplittableRandom rnd) {
        double[] pitchByEmotion = {1.00, 0.95, 1.35, 0.85, 1.25, 1.45, 0.90, 1.55};
        double[] loudByEmotion = {0.25, 0.15, 0.55, 0.20, 0.85, 0.45, 0.35, 0.65};
        double[] syllablesPerSecond = {3, 2, 5, 2.5, 6, 7, 3.5, 5.5};
        double f0 = (male ? 120 : 210) * pitchByEmotion[emotion - 1] * (1 + 0.03 * rnd.nextGaussian());
        double amp = loudByEmotion[emotion - 1] * (1 + 0.05 * rnd.nextGaussian());
        double rate = syllablesPerSecond[emotion - 1] * (1 + 0.05 * rnd.nextGaussian());
        float[] y = new float[SAMPLE_RATE];
        double phase = 0;
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double envelope = Math.max(0, Math.sin(Math.PI * rate * t)); // syllable bursts
            double f = f0 * (1 + 0.05 * Math.sin(2 * Math.PI * 3 * t));
            phase += 2 * Math.PI * f / SAMPLE_RATE;
            double harmonics = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
            y[i] = (float) (amp * envelope * harmonics / 1.75 + 0.005 * rnd.nextGaussian());
        }
        return y;
    }

    /** Encodes a mono signal as a 16-bit PCM WAV file. */
    static byte[] toWav(float[] y, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * y.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * y.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(2 * sampleRate)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * y.length);
        for (float v : y) b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        return b.array();
    }
}
