package dev.gmm.audio.internal;

import dev.gmm.audio.FeatureTable;
import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Ravdess;
import dev.gmm.datasets.StandardScaler;
import dev.gmm.metrics.ClusteringMetrics;
import dev.gmm.metrics.ConfusionMatrix;
import dev.gmm.metrics.ModelSelection;
import dev.gmm.metrics.ModelSelection.Axis;
import dev.gmm.metrics.ModelSelection.Candidate;
import dev.gmm.metrics.ModelSelection.OnFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
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

    /**
     * The study's grid over one question's recordings: every grid point ranked by best-map accuracy
     * (failed fits last), or, when every fit failed, why the first did.
     */
    record Grid(ModelSelection.Result selection, int points, String failure) {
        boolean failed() {
            return selection == null;
        }
    }

    /** The accuracy at the study's own parameters, or the error of its fit. */
    record StudyScore(GridPoint point, double accuracy, String error) {
        boolean ok() {
            return error == null;
        }
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return EmotionsOptions.DECLARED;
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws Exception {
        EmotionsOptions options = EmotionsOptions.of(context.read(this));
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
            Grid grid = runGrid(x, task, context.seed(), context.progress());
            StudyScore study = score(options.studyParams(), x, task, context.seed());
            VariationalRedo redo = VariationalRedo.run(x, task.truth(), task.classes().size(), context.seed());
            report(out, summary, task, x, grid, study, redo);
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

    private static void report(ExperimentResult.Builder out, StringBuilder summary, Task task, DataMatrix x,
                               Grid grid, StudyScore study, VariationalRedo redo) {
        String key = task.key();
        int failed = grid.failed() ? grid.points() : grid.selection().skipped();
        out.number(key + "_grid_points", grid.points()).number(key + "_failed_fits", (long) failed)
                .number(key + "_samples", task.rows().length);
        if (grid.failed()) {
            out.finding(task.title() + ": every grid fit failed; first error: " + grid.failure());
            return;
        }
        Candidate best = grid.selection().bestCandidate();
        double median = median(grid.selection().ranked().stream().filter(c -> !c.failed())
                .mapToDouble(Candidate::metric).toArray());
        GridPoint p = GridPoint.of(best);
        out.number(key + "_accuracy", best.metric())
                .number(key + "_median_accuracy", median)
                .number(key + "_accuracy_at_study_params", study.ok() ? study.accuracy() : "failed: " + study.error())
                .number(key + "_best_params", p.toString())
                .number(key + "_best_init", p.init())
                .number(key + "_best_reg_covar", p.regCovar())
                .number(key + "_best_covariance", p.covariance())
                .number(key + "_best_n_init", p.nInit());
        String atStudy = study.ok() ? String.format(Locale.ROOT, "%.3f", study.accuracy()) : "failed";
        summary.append(String.format(Locale.ROOT,
                "%s (n=%d): best accuracy %.3f (%s), median over the grid's %d fits %.3f, at the study's parameters %s. ",
                task.title(), task.rows().length, best.metric(), p, grid.points() - failed, median, atStudy));
        out.finding(String.format(Locale.ROOT, "%s: best-map accuracy %.3f with %s is the best of %d fits scored on "
                        + "the labels they are compared with, not a generalisation score; the median over the grid is "
                        + "%.3f and the study's parameters (%s) give %s; %d of %d grid fits failed",
                task.title(), best.metric(), p, grid.points() - failed, median, study.point(), atStudy,
                failed, grid.points()));
        out.number(key + "_variational_accuracy", redo.accuracyByCovariance())
                .number(key + "_variational_best_accuracy", redo.best())
                .number(key + "_variational_components_kept", redo.kept());
        out.finding(String.format(Locale.ROOT, "%s, redone with a variational mixture of %d components (Dirichlet "
                        + "process, default priors): best-map accuracy %.3f (%s covariance), against the EM grid's best "
                        + "%.3f and median %.3f: %s. Given room for %d full components it keeps %d (weight ≥ %s) for %d "
                        + "classes%s.", task.title(), task.classes().size(), redo.best(), redo.bestCovariance(),
                best.metric(), median, VariationalRedo.against(redo.best(), best.metric(), median),
                VariationalRedo.ROOM, redo.kept(), VariationalRedo.THRESHOLD, task.classes().size(),
                redo.kept() == VariationalRedo.ROOM ? ": it switches none off, so it does not tell how many emotions "
                        + "the recordings hold" : ""));
        IntFunction<String> className = ConfusionMatrix.names(task.classes());
        out.heatmap(ConfusionMatrix.of(task.truth(), grid.selection().best().predict(x)).heatmap(task.title()
                        + ": confusion (rows true class, columns cluster)", className,
                (cluster, matched) -> "cluster " + cluster + " (" + (matched >= 0 ? className.apply(matched) : "?") + ")"));
        out.table(gridTable(task, grid.selection()));
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

    /**
     * Fits the study's grid ({@link GridPoint#INIT_METHODS} × {@link GridPoint#REG_COVARS} ×
     * {@link GridPoint#COVARIANCE_TYPES} × {@link GridPoint#N_INITS}, in that nesting order) with as
     * many components as the question has classes, ranked by best-map accuracy against its labels. A
     * fit that fails (an ill-defined covariance and the like) is a failed row, not fatal.
     */
    Grid runGrid(DataMatrix data, Task task, long seed, ProgressListener progress) {
        ModelSelection grid = ModelSelection.builder().components(task.classes().size())
                .initMethods(GridPoint.INIT_METHODS.toArray(String[]::new))
                .regCovars(GridPoint.REG_COVARS.stream().mapToDouble(Double::doubleValue).toArray())
                .covarianceTypes(GridPoint.COVARIANCE_TYPES.toArray(String[]::new))
                .nInits(GridPoint.N_INITS.stream().mapToInt(Integer::intValue).toArray())
                .nesting(Axis.INIT_METHOD, Axis.REG_COVAR, Axis.COVARIANCE_TYPE, Axis.N_INIT)
                .criterion("best_map_accuracy").onFailure(OnFailure.SKIP).seed(seed).build();
        int points = GridPoint.INIT_METHODS.size() * GridPoint.REG_COVARS.size() * GridPoint.COVARIANCE_TYPES.size()
                * GridPoint.N_INITS.size();
        try {
            return new Grid(grid.select(data, task.truth(), progress, "GMM grid: " + task.title()), points, null);
        } catch (IllegalArgumentException e) { // every grid point failed
            return new Grid(null, points, String.valueOf(e.getMessage()));
        }
    }

    private static StudyScore score(GridPoint point, DataMatrix data, Task task, long seed) {
        try {
            int[] predicted = point.fitPredict(data, task.classes().size(), seed);
            return new StudyScore(point, ClusteringMetrics.bestMapAccuracy(task.truth(), predicted).accuracy(), null);
        } catch (IllegalArgumentException e) { // ill-defined covariance and the like: reported, not fatal
            return new StudyScore(point, Double.NaN, String.valueOf(e.getMessage()));
        }
    }

    /** Every grid point, best accuracy first (ties in grid order), then the failed fits with their errors. */
    private static ExperimentResult.Table gridTable(Task task, ModelSelection.Result grid) {
        List<List<Object>> rows = new ArrayList<>();
        for (Candidate c : grid.ranked()) {
            rows.add(List.of(c.initMethod(), c.regCovar(), c.covarianceType(), c.nInit(),
                    c.failed() ? "" : c.metric(), c.failed() ? "failed: " + c.failure() : "ok"));
        }
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
