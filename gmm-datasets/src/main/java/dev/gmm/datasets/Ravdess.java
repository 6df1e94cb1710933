package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The RAVDESS file index: names such as {@code 03-01-06-01-02-01-12.wav} hold seven two-digit
 * fields (modality, vocal channel, emotion, intensity, statement, repetition, actor); odd actors
 * are male, even actors female.
 */
public final class Ravdess {
    /** Emotion names by code 1..8. */
    public static final List<String> EMOTIONS = List.of("neutral", "calm", "happy", "sad", "angry", "fearful",
            "disgust", "surprised");

    /** The columns of {@link #dataset}: the seven name fields and the actor's sex. */
    public static final List<String> COLUMNS = List.of("modality", "vocal_channel", "emotion", "intensity",
            "statement", "repetition", "actor", "female");

    private Ravdess() {
    }

    /**
     * One recording.
     *
     * @param path         the file
     * @param modality     1 full-AV, 2 video-only, 3 audio-only
     * @param vocalChannel 1 speech, 2 song
     * @param emotion      1..8, see {@link #EMOTIONS}
     * @param intensity    1 normal, 2 strong
     * @param statement    1 "Kids are talking by the door", 2 "Dogs are sitting by the door"
     * @param repetition   1 or 2
     * @param actor        1..24
     */
    public record Entry(Path path, int modality, int vocalChannel, int emotion, int intensity, int statement,
                        int repetition, int actor) {
        /** The emotion's name. */
        public String emotionName() {
            return EMOTIONS.get(emotion - 1);
        }

        /** Whether the actor is female (even actor numbers). */
        public boolean female() {
            return actor % 2 == 0;
        }
    }

    /**
     * Parses a RAVDESS file name.
     *
     * @throws IllegalArgumentException when the name is not seven valid two-digit fields, naming the field
     */
    public static Entry parse(Path file) {
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("\\.[^.]*$", "");
        String[] f = stem.split("-", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("RAVDESS file name " + name + " has " + f.length + " fields; expected 7 "
                    + "two-digit fields like 03-01-06-01-02-01-12.wav");
        }
        int[] v = new int[7];
        String[] names = {"modality", "vocal channel", "emotion", "intensity", "statement", "repetition", "actor"};
        int[] max = {3, 2, 8, 2, 2, 2, 24};
        for (int i = 0; i < 7; i++) {
            if (!f[i].matches("\\d\\d")) {
                throw new IllegalArgumentException("RAVDESS file name " + name + ": field " + (i + 1) + " (" + names[i]
                        + ") is \"" + f[i] + "\"; expected two digits");
            }
            v[i] = Integer.parseInt(f[i]);
            if (v[i] < 1 || v[i] > max[i]) {
                throw new IllegalArgumentException("RAVDESS file name " + name + ": " + names[i] + " " + f[i]
                        + " is outside 01.." + String.format("%02d", max[i]));
            }
        }
        return new Entry(file, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /**
     * Every {@code .wav} under {@code root} whose name matches {@code pattern} (seven dash-separated
     * fields, each two digits or {@code *}; null matches everything), sorted by path.
     *
     * @throws IOException when a matching-looking name does not parse, naming the file
     */
    public static List<Entry> scan(Path root, String pattern) throws IOException {
        String[] p = pattern == null ? null : pattern.split("-", -1);
        if (p != null && (p.length != 7 || !java.util.Arrays.stream(p).allMatch(s -> s.equals("*") || s.matches("\\d\\d")))) {
            throw new IllegalArgumentException("pattern " + pattern + ": expected seven dash-separated fields, each "
                    + "two digits or *, like 03-01-*-02-02-*-*");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder: give the RAVDESS root (holding Actor_01, ...)");
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase().endsWith(".wav")).sorted().toList()) {
                Entry e;
                try {
                    e = parse(f);
                } catch (IllegalArgumentException ex) {
                    throw new IOException(f + ": " + ex.getMessage(), ex);
                }
                if (p == null || matches(e, p)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * Fails unless {@code root} is a folder holding at least one {@code .wav} file with a RAVDESS name
     * (files with other names are allowed beside them): a pipeline that skips badly named files would
     * otherwise find nothing to work on and fail far from the cause.
     *
     * @throws IOException naming the folder and what the names should look like
     */
    public static void requireNamedRecordings(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder: give the RAVDESS root (holding Actor_01, ...)");
        }
        try (Stream<Path> files = Files.walk(root)) {
            boolean any = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase().endsWith(".wav"))
                    .anyMatch(Ravdess::hasRavdessName);
            if (!any) {
                throw new IOException("no RAVDESS-named .wav files in " + root + "; names look like "
                        + "03-01-05-01-02-01-12.wav (modality-channel-emotion-intensity-statement-repetition-actor)");
            }
        }
    }

    private static boolean hasRavdessName(Path file) {
        try {
            parse(file);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The recordings under {@code root} matching {@code pattern} (see {@link #scan}) as a data set of
     * their file-name fields — the index of the corpus, not its audio (gmm-audio turns the files into
     * features). One row per recording, in path order; columns {@link #COLUMNS}: the seven fields as
     * their codes, plus {@code female} (1 for even actors, 0 for odd); labels: the emotion, 0 =
     * neutral .. 7 = surprised, named by {@link #EMOTIONS}.
     *
     * @throws IOException when a file name does not parse or nothing matches, naming the folder
     */
    public static Dataset dataset(Path root, String pattern) throws IOException {
        List<Entry> entries = scan(root, pattern);
        if (entries.isEmpty()) {
            throw new IOException("no RAVDESS recordings under " + root
                    + (pattern == null ? "" : " match " + pattern) + ": expected .wav files named like "
                    + "03-01-06-01-02-01-12.wav, e.g. in Actor_01 .. Actor_24");
        }
        double[] x = new double[entries.size() * COLUMNS.size()];
        int[] labels = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double[] row = {e.modality(), e.vocalChannel(), e.emotion(), e.intensity(), e.statement(), e.repetition(),
                    e.actor(), e.female() ? 1 : 0};
            System.arraycopy(row, 0, x, i * row.length, row.length);
            labels[i] = e.emotion() - 1;
        }
        return new Dataset("ravdess", DataMatrix.wrap(x, entries.size(), COLUMNS.size()), labels, COLUMNS, EMOTIONS);
    }

    private static boolean matches(Entry e, String[] p) {
        int[] v = {e.modality(), e.vocalChannel(), e.emotion(), e.intensity(), e.statement(), e.repetition(), e.actor()};
        for (int i = 0; i < 7; i++) {
            if (!p[i].equals("*") && Integer.parseInt(p[i]) != v[i]) {
                return false;
            }
        }
        return true;
    }
}
