package dev.gmm.audio.internal;

import dev.gmm.audio.FeatureTable;
import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.Experiment;
import dev.gmm.core.spi.ExperimentContext;
import dev.gmm.metrics.BestMap;
import dev.gmm.metrics.ClusteringMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The emotion-clustering study: speech27 features of RAVDESS recordings, standardized, clustered
 * by a GMM over the study's parameter grid and scored by best-map accuracy against (1) positive vs
 * negative emotions and (2) happy / calm / angry among male actors.
 */
public final class AudioEmotionsExperiment implements Experiment {
    static final List<String> INIT_METHODS = List.of("kmeans", "k-means++", "random", "random_from_data");
    static final List<Double> REG_COVARS = List.of(1e-8, 1e-6, 1e-4, 1e-2);
    static final List<String> COVARIANCE_TYPES = List.of("full", "tied", "diag", "spherical");
    static final List<Integer> N_INITS = List.of(1, 10, 20);

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
        return "RAVDESS emotions clustered by GMM over speech27 features (synthetic clips without --data)";
    }

    /** Featurized, labelled recordings. */
    record Labelled(List<RavdessName> names, DataMatrix features, List<String[]> skipped, boolean cached) {
    }

    /** One grid point and its outcome; accuracy is NaN-free: failed rows carry the error instead. */
    record GridRow(String init, double regCovar, String covariance, int nInit, BestMap score, String error) {
        boolean ok() {
            return score != null;
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws Exception {
        long t0 = System.nanoTime();
        boolean synthetic = context.data() == null;
        Labelled set = synthetic ? synthesize(context.seed(), context.progress())
                : fromFolder(context.data(), context.workDir(), context.progress());
        if (set.names().size() < 4) {
            throw new IllegalArgumentException("audio-emotions: only " + set.names().size()
                    + " usable recordings in " + context.data() + "; need RAVDESS WAV files named like 03-01-05-02-01-01-12.wav");
        }
        DataMatrix x = Standardizer.standardize(set.features());

        int[] all = IntStream.range(0, set.names().size()).toArray();
        Task posNeg = Task.of("positive vs negative", List.of("positive", "negative"), all, set.names(),
                n -> n.positive() ? 0 : 1);
        int[] maleHca = IntStream.range(0, set.names().size())
                .filter(i -> set.names().get(i).male() && List.of(2, 3, 5).contains(set.names().get(i).emotion()))
                .toArray();
        Task hca = Task.of("male: happy vs calm vs angry", List.of("happy", "calm", "angry"), maleHca, set.names(),
                n -> n.emotion() == 3 ? 0 : n.emotion() == 2 ? 1 : 2);

        ExperimentResult.Builder out = ExperimentResult.builder(name(), "Emotion clustering of speech features");
        String source = synthetic
                ? "SYNTHETIC data (no --data given): " + set.names().size()
                  + " generated 1 s clips at 16 kHz, emotion-dependent pitch, loudness and tempo; not RAVDESS"
                : set.names().size() + " RAVDESS recordings from " + context.data()
                  + (set.cached() ? " (features from cache)" : "") + ", " + set.skipped().size() + " skipped";
        out.number("synthetic", synthetic).number("recordings", set.names().size())
                .number("skipped", set.skipped().size()).number("features_cached", set.cached());
        for (String[] s : set.skipped()) out.finding("skipped " + s[0] + ": " + s[1]);

        StringBuilder summary = new StringBuilder(source).append(". ");
        for (var entry : List.of(java.util.Map.entry("positive_negative", posNeg),
                java.util.Map.entry("male_happy_calm_angry", hca))) {
            Task task = entry.getValue();
            String key = entry.getKey();
            if (task.rows().length < task.classes().size() + 1) {
                out.finding(task.title() + ": too few recordings (" + task.rows().length + "), skipped");
                continue;
            }
            List<GridRow> grid = runGrid(x.selectRows(task.rows()), task, context.seed(), context.progress());
            GridRow best = grid.stream().filter(GridRow::ok)
                    .max(Comparator.comparingDouble((GridRow r) -> r.score().accuracy())).orElse(null);
            long failed = grid.stream().filter(r -> !r.ok()).count();
            if (best == null) {
                out.finding(task.title() + ": every grid fit failed; first error: " + grid.get(0).error());
                continue;
            }
            out.number(key + "_accuracy", best.score().accuracy())
                    .number(key + "_best_params", params(best))
                    .number(key + "_best_init", best.init())
                    .number(key + "_best_reg_covar", best.regCovar())
                    .number(key + "_best_covariance", best.covariance())
                    .number(key + "_best_n_init", best.nInit())
                    .number(key + "_grid_points", grid.size())
                    .number(key + "_failed_fits", failed)
                    .number(key + "_samples", task.rows().length);
            summary.append(String.format(Locale.ROOT, "%s: accuracy %.3f (%s, n=%d). ",
                    task.title(), best.score().accuracy(), params(best), task.rows().length));
            out.finding(String.format(Locale.ROOT, "%s: best-map accuracy %.3f with %s; %d of %d grid fits failed",
                    task.title(), best.score().accuracy(), params(best), failed, grid.size()));
            out.heatmap(confusion(task, best));
            out.table(gridTable(task, grid));
        }
        out.number("seconds", (System.nanoTime() - t0) / 1e9);
        return out.summary(summary.toString().trim()).build();
    }

    /** A clustering question: which recordings, and their true class indices into {@code classes}. */
    record Task(String title, List<String> classes, int[] rows, int[] truth) {
        static Task of(String title, List<String> classes, int[] rows, List<RavdessName> names,
                       ToIntFunction<RavdessName> label) {
            return new Task(title, classes, rows, IntStream.of(rows).map(i -> label.applyAsInt(names.get(i))).toArray());
        }
    }

    private static String params(GridRow r) {
        return String.format(Locale.ROOT, "init=%s reg_covar=%s covariance=%s n_init=%d",
                r.init(), r.regCovar(), r.covariance(), r.nInit());
    }

    List<GridRow> runGrid(DataMatrix data, Task task, long seed, ProgressListener progress) {
        int[] truth = task.truth();
        List<Object[]> combos = new ArrayList<>();
        for (String init : INIT_METHODS)
            for (double reg : REG_COVARS)
                for (String cov : COVARIANCE_TYPES)
                    for (int nInit : N_INITS) combos.add(new Object[] {init, reg, cov, nInit});
        progress.start("GMM grid: " + task.title(), combos.size());
        List<GridRow> rows = combos.parallelStream().map(c -> {
            String init = (String) c[0];
            double reg = (Double) c[1];
            String cov = (String) c[2];
            int nInit = (Integer) c[3];
            GridRow row;
            try {
                int[] pred = GaussianMixture.builder().components(task.classes().size()).covarianceType(cov)
                        .regCovar(reg).nInit(nInit).initMethod(init).seed(seed).threads(1).build()
                        .fit(data).predict(data);
                row = new GridRow(init, reg, cov, nInit, ClusteringMetrics.bestMapAccuracy(truth, pred), null);
            } catch (RuntimeException e) { // ill-defined covariance and the like: a failed row, not fatal
                row = new GridRow(init, reg, cov, nInit, null, String.valueOf(e.getMessage()));
            }
            synchronized (progress) {
                progress.advance(1);
            }
            return row;
        }).toList();
        progress.finish();
        return rows;
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
                .forEach(r -> rows.add(List.of(r.init(), r.regCovar(), r.covariance(), r.nInit(), r.score().accuracy(), "ok")));
        grid.stream().filter(r -> !r.ok())
                .forEach(r -> rows.add(List.of(r.init(), r.regCovar(), r.covariance(), r.nInit(), "", "failed: " + r.error())));
        return new ExperimentResult.Table(task.title() + ": every grid point, best first (failed fits last)",
                List.of("init", "reg_covar", "covariance", "n_init", "accuracy", "status"), rows);
    }

    Labelled synthesize(long seed, ProgressListener progress) {
        List<SyntheticEmotions.Clip> clips = SyntheticEmotions.generate(3, seed);
        progress.start("extracting " + extractor.name() + " features of synthetic clips", clips.size());
        double[][] rows = clips.parallelStream().map(c -> {
            double[] v = extractor.extract(c.signal());
            synchronized (progress) {
                progress.advance(1);
            }
            return v;
        }).toArray(double[][]::new);
        progress.finish();
        return new Labelled(clips.stream().map(SyntheticEmotions.Clip::name).toList(), DataMatrix.of(rows), List.of(), false);
    }

    Labelled fromFolder(Path folder, Path workDir, ProgressListener progress) throws IOException {
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
        Path cache = FeatureCache.location(workDir, extractor.name(), folder, wavs);
        var cached = FeatureCache.read(cache);
        FeatureCache.Entry entry;
        if (cached.isPresent()) {
            entry = cached.get();
        } else {
            entry = extract(folder, wavs, progress);
            FeatureCache.write(cache, extractor.featureNames(), entry);
        }
        List<RavdessName> names = entry.files().stream().map(RavdessName::parse).toList();
        return new Labelled(names, DataMatrix.of(entry.rows().toArray(double[][]::new)), entry.skipped(), cached.isPresent());
    }

    private FeatureCache.Entry extract(Path folder, List<Path> wavs, ProgressListener progress) {
        List<String[]> skipped = new ArrayList<>();
        List<Path> named = new ArrayList<>();
        for (Path p : wavs) { // bad names are skipped before decoding
            try {
                RavdessName.parse(p.getFileName().toString());
                named.add(p);
            } catch (IllegalArgumentException e) {
                skipped.add(new String[] {folder.relativize(p).toString(), e.getMessage()});
            }
        }
        FeatureTable table = FeatureTable.extractFiles(named, extractor, progress);
        for (FeatureTable.Skipped s : table.skipped()) {
            skipped.add(new String[] {folder.relativize(s.file()).toString(), String.valueOf(s.reason())});
        }
        List<String> files = table.files().stream().map(p -> folder.relativize(p).toString()).toList();
        List<double[]> rows = IntStream.range(0, files.size()).mapToObj(table.features()::row).toList();
        return new FeatureCache.Entry(files, rows, skipped);
    }
}
