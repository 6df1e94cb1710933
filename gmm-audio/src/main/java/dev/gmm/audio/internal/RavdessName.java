package dev.gmm.audio.internal;

import java.util.List;

/**
 * A RAVDESS file name, {@code modality-channel-emotion-intensity-statement-repetition-actor.wav}
 * (e.g. {@code 03-01-05-02-01-01-12.wav}: angry, strong, actor 12).
 *
 * @param emotion 1..8 (neutral, calm, happy, sad, angry, fearful, disgust, surprised)
 * @param actor   1..24; odd actors are male
 */
public record RavdessName(int modality, int channel, int emotion, int intensity, int statement,
                          int repetition, int actor) {

    /** Emotion names by code - 1. */
    public static final List<String> EMOTIONS =
            List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised");

    /** Parses a file name (with or without directories and the .wav extension). */
    public static RavdessName parse(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String stem = base.toLowerCase(java.util.Locale.ROOT).endsWith(".wav") ? base.substring(0, base.length() - 4) : base;
        String[] f = stem.split("-", -1);
        if (f.length != 7) {
            throw bad(fileName, "has " + f.length + " dash-separated fields, expected 7");
        }
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            if (!f[i].matches("\\d{2}")) {
                throw bad(fileName, "field " + (i + 1) + " is '" + f[i] + "', expected two digits");
            }
            v[i] = Integer.parseInt(f[i]);
        }
        if (v[2] < 1 || v[2] > 8) {
            throw bad(fileName, "emotion code " + f[2] + " is outside 01..08");
        }
        if (v[6] < 1) {
            throw bad(fileName, "actor " + f[6] + " must be 01 or more");
        }
        return new RavdessName(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static IllegalArgumentException bad(String fileName, String why) {
        return new IllegalArgumentException("RAVDESS file name '" + fileName + "' " + why
                + "; expected modality-channel-emotion-intensity-statement-repetition-actor, e.g. 03-01-05-02-01-01-12.wav");
    }

    public String emotionName() {
        return EMOTIONS.get(emotion - 1);
    }

    public boolean male() {
        return actor % 2 == 1;
    }

    /** Positive emotions of the study: neutral, calm, happy, surprised. */
    public boolean positive() {
        return emotion == 1 || emotion == 2 || emotion == 3 || emotion == 8;
    }

    /** The canonical name, e.g. 03-01-05-02-01-01-12.wav. */
    public String fileName() {
        return String.format(java.util.Locale.ROOT, "%02d-%02d-%02d-%02d-%02d-%02d-%02d.wav",
                modality, channel, emotion, intensity, statement, repetition, actor);
    }
}
