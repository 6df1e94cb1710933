package dev.gmm.app.internal.experiments;

import dev.gmm.core.app.spi.Dataset;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.CsvOptions;
import dev.gmm.datasets.Generators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Outlier-detection benchmark sets: ODDS CSV files (numeric features and an {@code outlier} column of
 * 0/1, as derived from PyOD's .mat files), or generated stand-ins when no folder is given.
 */
final class OddsSets {
    static final String OUTLIER_COLUMN = "outlier";

    /** A set's features and its 0/1 truth (1 = outlier). */
    record OddsSet(String name, Dataset data, int[] outlier) {
        double outlierShare() {
            int s = 0;
            for (int o : outlier) {
                s += o;
            }
            return (double) s / outlier.length;
        }
    }

    private OddsSets() {
    }

    /** Every *.csv in a folder (sorted by name), or the one file given. */
    static List<OddsSet> read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist: give a folder of ODDS CSV files (features and an '"
                    + OUTLIER_COLUMN + "' column) or one such file");
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                        .sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IOException(path + " holds no .csv file: give a folder of ODDS CSV files with an '"
                        + OUTLIER_COLUMN + "' column");
            }
        } else {
            files = List.of(path);
        }
        List<OddsSet> sets = new ArrayList<>();
        for (Path f : files) {
            sets.add(readOne(f));
        }
        return sets;
    }

    static OddsSet readOne(Path file) throws IOException {
        Dataset d;
        try {
            d = Csv.read(file, CsvOptions.defaults().withHeader(CsvOptions.Header.YES).withLabelColumn(OUTLIER_COLUMN));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        int[] outlier = new int[d.labels().length];
        List<Integer> codeToTruth = new ArrayList<>();
        for (String name : d.labelNames()) {
            double v;
            try {
                v = Double.parseDouble(name);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (v != 0 && v != 1) {
                throw new IOException(file + ": column '" + OUTLIER_COLUMN + "' holds \"" + name
                        + "\"; it must be 1 for an outlier and 0 otherwise");
            }
            codeToTruth.add((int) v);
        }
        int outliers = 0;
        for (int i = 0; i < outlier.length; i++) {
            outlier[i] = codeToTruth.get(d.labels()[i]);
            outliers += outlier[i];
        }
        if (outliers == 0 || outliers == outlier.length) {
            throw new IOException(file + ": column '" + OUTLIER_COLUMN + "' is all " + outlier[0]
                    + "; ROC AUC needs both outliers (1) and inliers (0)");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return new OddsSet(name, d, outlier);
    }

    /** Stand-ins when no folder is given: blobs with uniform outliers at two contaminations, in 2-D and 6-D. */
    static List<OddsSet> generated(long seed) {
        List<OddsSet> sets = new ArrayList<>();
        sets.add(of("generated-2d-5pct", Generators.blobsWithOutliers(600, 2, 3, 1.0, 0.05, seed)));
        sets.add(of("generated-6d-5pct", Generators.blobsWithOutliers(600, 6, 4, 1.0, 0.05, seed + 1)));
        sets.add(of("generated-6d-25pct", Generators.blobsWithOutliers(600, 6, 4, 1.0, 0.25, seed + 2)));
        return sets;
    }

    private static OddsSet of(String name, Dataset d) {
        return new OddsSet(name, d, d.labels());
    }
}
