package dev.gmm.audio.internal;

import dev.gmm.audio.FeatureTable;
import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Ravdess;
import dev.gmm.datasets.StandardScaler;
import dev.gmm.metrics.BestMap;
import dev.gmm.metrics.ClusteringMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The emotion-clustering study: speech27 features of the chosen RAVDESS recordings, clustered by a
 * GMM over the study's parameter grid and scored by best-map accuracy against (1) positive vs
 * negative emotions and (2) happy / calm / angry among male actors. Each question standardizes its
 * own recordings, as the study does. Beside the grid's best accuracy (a best-of-240 on the very
 * labels it is scored against, not a generalisation score) it reports the median over the grid and
 * the accuracy at the study's own parameters. The questions are redone with a variational mixture
 * ({@link VariationalRedo}): does it cluster the emotions better than the grid, and how many of 10
 * components do the recordings keep?
 */
public final class AudioEmotionsExperiment implements Experiment {
    /** Positive emotions of the study: neutral, calm, happy, surprised (RAVDESS codes 1, 2, 3, 8). */
    private static final Predicate<Ravdess.Entry> POSITIVE = e -> List.of(1, 2, 3, 8).contains(e.emotion());
    private static final int SYNTHETIC_ACTORS = 4;

    private final FeatureExtractor extractor;

    /** Service-loader constructor: the speech27 features. */
    public AudioEmotionsExperiment() {
        this(new Speech27Extractor());
    }

    /** With another feature extractor (tests count its calls). */
    public AudioEmotionsExperiment(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return "audio-emotions";
    }

    @Override
    public String description() {
        return "RAVDESS emotions clustered by GMM over speech27 features (synthetic clips without --data); options "
                + "intensity=1|2|all, statement=1|2|all (default 2, 2), study-params=INIT,REG_COVAR,COVARIANCE,N_INIT";
    }

    /** Featurized, labelled recordings; {@code outside} counts the recordings not of the chosen subset (not read). */
    record Labelled(List<Ravdess.Entry> names, DataMatrix features, List<String[]> skipped, int outside, boolean cached) {
    }

    /** One grid point and its outcome: a score, or the error of a fit that failed. */
    record GridRow(GridPoint point, BestMap score, String error) {
        boolean ok() {
            return score != null;
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws Exception {
        EmotionsOptions options = EmotionsOptions.of(context.options());
        boolean synthetic = context.data() == null;
        Labelled set = synthetic ? synthesize(options, context.seed(), context.progress())
                : fromFolder(context.data(), options, context.workDir(), context.progress());

        ExperimentResult.Builder out = ExperimentResult.builder(name(), "Emotion clustering of speech features");
        String source = synthetic
                ? "SYNTHETIC data (no --data given): " + set.names().size()
                  + " generated 1 s clips at 16 kHz, emotion-dependent pitch, loudness and tempo; not RAVDESS"
                : set.names().size() + " RAVDESS recordings (" + options.describe() + ") from " + context.data()
                  + (set.cached() ? " (features from cache)" : "") + ", " + set.skipped().size() + " skipped, "
                  + set.outside() + " outside the subset not read";
        out.number("synthetic", synthetic).number("recordings", set.names().size())
                .number("skipped", set.skipped().size()).number("outside_subset", set.outside())
                .number("features_cached", set.cached()).number("subset", options.describe())
                .number("study_params", options.studyParams().toString());
        for (String[] s : set.skipped()) out.finding("skipped " + s[0] + ": " + s[1]);

        StringBuilder summary = new StringBuilder(source).append(". ");
        List<List<Object>> variationalRows = new ArrayList<>();
        for (Task task : tasks(set.names())) {
            if (task.rows().length < task.classes().size() + 1) {
                out.finding(task.title() + ": too few recordings (" + task.rows().length + "), skipped");
                continue;
            }
            DataMatrix x = standardizedRows(set.features(), task.rows());
            List<GridRow> grid = runGrid(x, task, context.seed(), context.progress());
            GridRow study = score(options.studyParams(), x, task, context.seed());
            VariationalRedo redo = VariationalRedo.run(x, task.truth(), task.classes().size(), context.seed());
            report(out, summary, task, grid, study, redo);
            variationalRows.add(redo.row(task.title()));
        }
        if (!variationalRows.isEmpty()) {
            out.table(new ExperimentResult.Table("Redone with a variational mixture (Dirichlet process, default priors): "
                    + "best-map accuracy with as many components as classes, and components kept of "
                    + VariationalRedo.ROOM, List.of("question", "full", "tied", "diag", "spherical",
                    "kept of " + VariationalRedo.ROOM + " (weight ≥ " + VariationalRedo.THRESHOLD + ")"),
                    variationalRows));
        }
        return out.summary(summary.toString().trim()).build();
    }

    /** Refuses a set too small to cluster, before any matrix is built from it. */
    private static void requireEnough(int usable, EmotionsOptions options, Object where) {
        if (usable < 4) {
            throw new IllegalArgumentException("audio-emotions: only " + usable + " usable recordings ("
                    + options.describe() + ") in " + where + "; need RAVDESS WAV files named like "
                    + "03-01-05-02-02-01-12.wav, or choose others with --option intensity=1|2|all, statement=1|2|all");
        }
    }

    /** The two questions of the study over these recordings. */
    static List<Task> tasks(List<Ravdess.Entry> names) {
        int[] all = IntStream.range(0, names.size()).toArray();
        int[] maleHca = IntStream.range(0, names.size())
                .filter(i -> !names.get(i).female() && List.of(2, 3, 5).contains(names.get(i).emotion())).toArray();
        return List.of(
                Task.of("positive_negative", "positive vs negative", List.of("positive", "negative"), all, names,
                        n -> POSITIVE.test(n) ? 0 : 1),
                Task.of("male_happy_calm_angry", "male: happy vs calm vs angry", List.of("happy", "calm", "angry"),
                        maleHca, names, n -> n.emotion() == 3 ? 0 : n.emotion() == 2 ? 1 : 2));
    }

    /** The question's own rows, standardized on themselves (zero mean, unit variance per feature over those rows only). */
    static DataMatrix standardizedRows(DataMatrix features, int[] rows) {
        DataMatrix subset = features.selectRows(rows);
        return StandardScaler.fit(subset).transform(subset);
    }

    private static void report(ExperimentResult.Builder out, StringBuilder summary, Task task, List<GridRow> grid,
                               GridRow study, VariationalRedo redo) {
        String key = task.key();
        GridRow best = grid.stream().filter(GridRow::ok)
                .max(Comparator.comparingDouble((GridRow r) -> r.score().accuracy())).orElse(null);
        long failed = grid.stream().filter(r -> !r.ok()).count();
        out.number(key + "_grid_points", grid.size()).number(key + "_failed_fits", failed)
                .number(key + "_samples", task.rows().length);
        if (best == null) {
            out.finding(task.title() + ": every grid fit failed; first error: " + grid.get(0).error());
            return;
        }
        double median = median(grid.stream().filter(GridRow::ok).mapToDouble(r -> r.score().accuracy()).toArray());
        GridPoint p = best.point();
        out.number(key + "_accuracy", best.score().accuracy())
                .number(key + "_median_accuracy", median)
                .number(key + "_accuracy_at_study_params", study.ok() ? study.score().accuracy() : "failed: " + study.error())
                .number(key + "_best_params", p.toString())
                .number(key + "_best_init", p.init())
                .number(key + "_best_reg_covar", p.regCovar())
                .number(key + "_best_covariance", p.covariance())
                .number(key + "_best_n_init", p.nInit());
        String atStudy = study.ok() ? String.format(Locale.ROOT, "%.3f", study.score().accuracy()) : "failed";
        summary.append(String.format(Locale.ROOT,
                "%s (n=%d): best accuracy %.3f (%s), median over the grid's %d fits %.3f, at the study's parameters %s. ",
                task.title(), task.rows().length, best.score().accuracy(), p, grid.size() - failed, median, atStudy));
        out.finding(String.format(Locale.ROOT, "%s: best-map accuracy %.3f with %s is the best of %d fits scored on "
                        + "the labels they are compared with, not a generalisation score; the median over the grid is "
                        + "%.3f and the study's parameters (%s) give %s; %d of %d grid fits failed",
                task.title(), best.score().accuracy(), p, grid.size() - failed, median, study.point(), atStudy,
                failed, grid.size()));
        out.number(key + "_variational_accuracy", redo.accuracyByCovariance())
                .number(key + "_variational_best_accuracy", redo.best())
                .number(key + "_variational_components_kept", redo.kept());
        out.finding(String.format(Locale.ROOT, "%s, redone with a variational mixture of %d components (Dirichlet "
                        + "process, default priors): best-map accuracy %.3f (%s covariance), against the EM grid's best "
                        + "%.3f and median %.3f: %s. Given room for %d full components it keeps %d (weight ≥ %s) for %d "
                        + "classes%s.", task.title(), task.classes().size(), redo.best(), redo.bestCovariance(),
                best.score().accuracy(), median, VariationalRedo.against(redo.best(), best.score().accuracy(), median),
                VariationalRedo.ROOM, redo.kept(), VariationalRedo.THRESHOLD, task.classes().size(),
                redo.kept() == VariationalRedo.ROOM ? ": it switches none off, so it does not tell how many emotions "
                        + "the recordings hold" : ""));
        out.heatmap(confusion(task, best));
        out.table(gridTable(task, grid));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A clustering question: which recordings, and their true class indices into {@code classes}. */
    record Task(String key, String title, List<String> classes, int[] rows, int[] truth) {
        static Task of(String key, String title, List<String> classes, int[] rows, List<Ravdess.Entry> names,
                       ToIntFunction<Ravdess.Entry> label) {
            return new Task(key, title, classes, rows,
                    IntStream.of(rows).map(i -> label.applyAsInt(names.get(i))).toArray());
        }
    }

    List<GridRow> runGrid(DataMatrix data, Task task, long seed, ProgressListener progress) {
        List<GridPoint> points = GridPoint.studyGrid();
        progress.start("GMM grid: " + task.title(), points.size());
        List<GridRow> rows = points.parallelStream().map(p -> {
            GridRow row = score(p, data, task, seed);
            synchronized (progress) {
                progress.advance(1);
            }
            return row;
        }).toList();
        progress.finish();
        return rows;
    }

    private static GridRow score(GridPoint point, DataMatrix data, Task task, long seed) {
        try {
            int[] predicted = point.fitPredict(data, task.classes().size(), seed);
            return new GridRow(point, ClusteringMetrics.bestMapAccuracy(task.truth(), predicted), null);
        } catch (RuntimeException e) { // ill-defined covariance and the like: a failed row, not fatal
            return new GridRow(point, null, String.valueOf(e.getMessage()));
        }
    }

    private static ExperimentResult.Heatmap confusion(Task task, GridRow best) {
        long[][] c = best.score().confusion();
        double[][] v = new double[c.length][];
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            v[i] = new double[c[i].length];
            for (int j = 0; j < c[i].length; j++) v[i][j] = c[i][j];
        }
        int[] map = best.score().clusterToClass();
        for (int j = 0; j < (c.length == 0 ? 0 : c[0].length); j++) {
            String cls = j < map.length && map[j] >= 0 && map[j] < task.classes().size() ? task.classes().get(map[j]) : "?";
            cols.add("cluster " + j + " (" + cls + ")");
        }
        return new ExperimentResult.Heatmap(task.title() + ": confusion (rows true class, columns cluster)",
                task.classes(), cols, v);
    }

    /** Every grid point, best accuracy first (ties in grid order), then the failed fits with their errors. */
    private static ExperimentResult.Table gridTable(Task task, List<GridRow> grid) {
        List<List<Object>> rows = new ArrayList<>();
        grid.stream().filter(GridRow::ok)
                .sorted(Comparator.comparingDouble((GridRow r) -> -r.score().accuracy()))
                .forEach(r -> rows.add(List.of(r.point().init(), r.point().regCovar(), r.point().covariance(),
                        r.point().nInit(), r.score().accuracy(), "ok")));
        grid.stream().filter(r -> !r.ok())
                .forEach(r -> rows.add(List.of(r.point().init(), r.point().regCovar(), r.point().covariance(),
                        r.point().nInit(), "", "failed: " + r.error())));
        return new ExperimentResult.Table(task.title() + ": every grid point, best first (failed fits last)",
                List.of("init", "reg_covar", "covariance", "n_init", "accuracy", "status"), rows);
    }

    Labelled synthesize(EmotionsOptions options, long seed, ProgressListener progress) {
        List<SyntheticEmotions.Clip> all = SyntheticEmotions.generate(SYNTHETIC_ACTORS, seed);
        List<SyntheticEmotions.Clip> clips = all.stream().filter(c -> options.selects(c.name())).toList();
        requireEnough(clips.size(), options, "the synthetic clips (all intensity 2, statement 2)");
        progress.start("extracting " + extractor.name() + " features of synthetic clips", clips.size());
        double[][] rows = clips.parallelStream().map(c -> {
            double[] v = extractor.extract(c.signal());
            synchronized (progress) {
                progress.advance(1);
            }
            return v;
        }).toArray(double[][]::new);
        progress.finish();
        return new Labelled(clips.stream().map(SyntheticEmotions.Clip::name).toList(),
                DataMatrix.wrap(Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray(), rows.length,
                        extractor.featureNames().size()),
                List.of(), all.size() - clips.size(), false);
    }

    Labelled fromFolder(Path folder, EmotionsOptions options, Path workDir, ProgressListener progress) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("audio-emotions: data " + folder + " is not a directory; pass a RAVDESS folder (Actor_01/...)");
        }
        List<Path> wavs;
        try (Stream<Path> walk = Files.walk(folder)) {
            wavs = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (wavs.isEmpty()) {
            throw new IOException("audio-emotions: no .wav files under " + folder + "; pass a RAVDESS folder");
        }
        List<String[]> badNames = new ArrayList<>();
        List<Path> chosen = new ArrayList<>();
        for (Path p : wavs) { // names are checked, and the subset chosen, before anything is decoded
            try {
                if (options.selects(Ravdess.parse(p))) {
                    chosen.add(p);
                }
            } catch (IllegalArgumentException e) {
                badNames.add(new String[] {folder.relativize(p).toString(), e.getMessage()});
            }
        }
        int outside = wavs.size() - badNames.size() - chosen.size();
        requireEnough(chosen.size(), options, folder + " (" + wavs.size() + " .wav files: " + badNames.size()
                + " without a RAVDESS name, " + outside + " outside the subset)");
        Path cache = FeatureCache.location(workDir, extractor.name(), folder, chosen);
        var cached = FeatureCache.read(cache);
        FeatureCache.Entry entry;
        if (cached.isPresent()) {
            entry = cached.get();
        } else {
            entry = extract(folder, chosen, progress);
            FeatureCache.write(cache, extractor.featureNames(), entry);
        }
        List<String[]> skipped = new ArrayList<>(badNames);
        skipped.addAll(entry.skipped());
        List<Ravdess.Entry> names = entry.files().stream().map(f -> Ravdess.parse(folder.resolve(f))).toList();
        requireEnough(names.size(), options, folder);
        return new Labelled(names, DataMatrix.of(entry.rows().toArray(double[][]::new)), skipped, outside,
                cached.isPresent());
    }

    private FeatureCache.Entry extract(Path folder, List<Path> wavs, ProgressListener progress) {
        FeatureTable table = FeatureTable.extractFiles(wavs, extractor, progress);
        List<String[]> skipped = new ArrayList<>();
        for (FeatureTable.Skipped s : table.skipped()) {
            skipped.add(new String[] {folder.relativize(s.file()).toString(), String.valueOf(s.reason())});
        }
        List<String> files = table.files().stream().map(p -> folder.relativize(p).toString()).toList();
        List<double[]> rows = IntStream.range(0, files.size()).mapToObj(table.features()::row).toList();
        return new FeatureCache.Entry(files, rows, skipped);
    }
}
