package dev.gmm.audio;

import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Features of the WAV files of a folder: one row per file that decoded, plus the files that were
 * skipped and why.
 *
 * @param files        the featurized files, in row order (sorted by path)
 * @param features     one row per file, {@code featureNames.size()} columns
 * @param featureNames column names
 * @param skipped      files that could not be read or featurized
 */
public record FeatureTable(List<Path> files, DataMatrix features, List<String> featureNames, List<Skipped> skipped) {

    /** A file left out of the table, with the reason. */
    public record Skipped(Path file, String reason) {
    }

    /** Validates and copies the lists. */
    public FeatureTable {
        files = List.copyOf(files);
        featureNames = List.copyOf(featureNames);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(features, "features");
    }

    /** One-line summary: how many files were featurized and how many skipped. */
    public String summary() {
        return String.format(Locale.ROOT, "%d files featurized, %d skipped", files.size(), skipped.size());
    }

    /**
     * Featurizes every {@code *.wav} under {@code dir} (recursively) in parallel on the common
     * fork-join pool. A file that fails to decode or featurize is reported in {@link #skipped()}.
     *
     * @throws IOException when {@code dir} is not a readable directory or holds no WAV file
     */
    public static FeatureTable extractFolder(Path dir, FeatureExtractor extractor, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(extractor, "extractor");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        if (!Files.isDirectory(dir)) {
            throw new IOException("extractFolder: " + dir + " is not a directory; pass a folder of WAV files");
        }
        List<Path> wavs;
        try (Stream<Path> walk = Files.walk(dir)) {
            wavs = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (wavs.isEmpty()) {
            throw new IOException("extractFolder: no .wav files under " + dir);
        }
        return extractFiles(wavs, extractor, listener);
    }

    /**
     * Featurizes the given WAV files in parallel on the common fork-join pool, keeping their order.
     * A file that fails to decode or featurize is reported in {@link #skipped()}.
     */
    public static FeatureTable extractFiles(List<Path> wavs, FeatureExtractor extractor, ProgressListener progress) {
        Objects.requireNonNull(extractor, "extractor");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int d = extractor.featureNames().size();
        listener.start("extracting " + extractor.name() + " features", wavs.size());
        List<Object> results = wavs.parallelStream().map(p -> {
            Object r;
            try {
                double[] v = extractor.extract(WavReader.read(p));
                if (v.length != d) {
                    throw new IllegalStateException("extractor " + extractor.name() + " returned " + v.length
                            + " values, expected " + d);
                }
                r = v;
            } catch (IOException | RuntimeException e) {
                r = new Skipped(p, e.getMessage());
            }
            synchronized (listener) {
                listener.advance(1);
            }
            return r;
        }).toList();
        listener.finish();
        List<Path> ok = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < wavs.size(); i++) {
            if (results.get(i) instanceof double[] v) {
                ok.add(wavs.get(i));
                rows.add(v);
            } else {
                skipped.add((Skipped) results.get(i));
            }
        }
        double[] flat = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, flat, i * d, d);
        return new FeatureTable(ok, DataMatrix.wrap(flat, rows.size(), d), extractor.featureNames(), skipped);
    }
}
