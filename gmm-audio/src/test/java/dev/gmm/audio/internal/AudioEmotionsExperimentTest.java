package dev.gmm.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gmm.audio.AudioSignal;
import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Ravdess;
import dev.gmm.datasets.StandardScaler;
import dev.gmm.metrics.ClusteringMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's procedure: its subset of recordings, per-question standardization, its grid, and what is reported. */
class AudioEmotionsExperimentTest {

    /** Speech27, counting how often it is asked to extract. */
    static final class CountingExtractor implements FeatureExtractor {
        final AtomicInteger calls = new AtomicInteger();
        final FeatureExtractor inner = new Speech27Extractor();

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<String> featureNames() {
            return inner.featureNames();
        }

        @Override
        public double[] extract(AudioSignal signal) {
            calls.incrementAndGet();
            return inner.extract(signal);
        }
    }

    /** Records every task started through the progress mechanism, its total, its steps and whether it finished. */
    static final class RecordingProgress implements ProgressListener {
        record Task(String name, long total, long advanced, boolean finished) {
        }

        final List<Task> tasks = new java.util.ArrayList<>();

        @Override
        public synchronized void start(String task, long total) {
            tasks.add(new Task(task, total, 0, false));
        }

        @Override
        public synchronized void advance(long steps) {
            Task t = tasks.removeLast();
            tasks.add(new Task(t.name(), t.total(), t.advanced() + steps, t.finished()));
        }

        @Override
        public synchronized void finish() {
            Task t = tasks.removeLast();
            tasks.add(new Task(t.name(), t.total(), t.advanced(), true));
        }
    }

    @Test
    void withoutDataItRunsOnSyntheticClipsAndReportsBestMedianAndStudyAccuracies(@TempDir Path work) throws Exception {
        RecordingProgress progress = new RecordingProgress();
        ExperimentResult r = new AudioEmotionsExperiment()
                .run(new ExperimentContext(null, work, 7, progress, Map.of()));

        assertThat(r.name()).isEqualTo("audio-emotions");
        assertThat(r.numbers()).containsEntry("synthetic", true).containsEntry("recordings", 64);
        assertThat(r.summary()).contains("SYNTHETIC");
        double pn = (Double) r.numbers().get("positive_negative_accuracy");
        double hca = (Double) r.numbers().get("male_happy_calm_angry_accuracy");
        assertThat(pn).isBetween(0.5, 1.0); // best-map over 2 clusters is never below 1/2
        // the synthetic classes differ in pitch, loudness and tempo: 3 male classes x 4 takes separate well
        assertThat(hca).isBetween(0.0, 1.0).isGreaterThan(0.6);
        for (String key : List.of("positive_negative", "male_happy_calm_angry")) {
            double best = (Double) r.numbers().get(key + "_accuracy");
            assertThat((Double) r.numbers().get(key + "_median_accuracy")).as(key).isBetween(0.0, best);
            assertThat((Double) r.numbers().get(key + "_accuracy_at_study_params")).as(key).isBetween(0.0, best);
            assertThat(r.summary()).contains("median over the grid's").contains("at the study's parameters");
        }
        assertThat(r.numbers()).containsEntry("study_params", "init=kmeans reg_covar=1.0E-6 covariance=full n_init=1")
                .containsKeys("positive_negative_best_params", "male_happy_calm_angry_best_params");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f).contains("not a generalisation score"));
        assertThat(r.heatmaps()).hasSize(2);
        assertThat(r.heatmaps().get(1).rowLabels()).containsExactly("happy", "calm", "angry");
        double total = 0;
        for (double[] row : r.heatmaps().get(1).values()) for (double v : row) total += v;
        assertThat(total).isEqualTo(12); // 2 male actors x 2 repetitions of each of happy, calm, angry
        assertThat(r.tables()).hasSize(3);
        assertThat(r.tables().get(0).columns()).containsExactly("init", "reg_covar", "covariance", "n_init", "accuracy", "status");
        assertThat(r.tables().get(0).rows()).as("the whole grid, not a top-n").hasSize(4 * 5 * 4 * 3);
        assertThat(r.tables().get(0).rows().get(0).get(4)).isEqualTo(pn); // best row first
        var best = r.tables().get(1).rows().get(0);
        assertThat(best.get(4)).isEqualTo(hca);
        assertThat(r.numbers()).containsEntry("male_happy_calm_angry_best_init", best.get(0))
                .containsEntry("male_happy_calm_angry_best_reg_covar", best.get(1))
                .containsEntry("male_happy_calm_angry_best_covariance", best.get(2))
                .containsEntry("male_happy_calm_angry_best_n_init", best.get(3))
                .containsEntry("male_happy_calm_angry_grid_points", 240);

        assertThat(progress.tasks).extracting(RecordingProgress.Task::name).containsExactly(
                "extracting speech27 features of synthetic clips",
                "GMM grid: positive vs negative", "GMM grid: male: happy vs calm vs angry");
        assertThat(progress.tasks).extracting(RecordingProgress.Task::total).containsExactly(64L, 240L, 240L);
        assertThat(progress.tasks).allSatisfy(t -> {
            assertThat(t.advanced()).as(t.name()).isEqualTo(t.total());
            assertThat(t.finished()).as(t.name()).isTrue();
        });
    }

    @Test
    void theQuestionsAreRedoneWithAVariationalMixtureAndTheFindingPlacesItAgainstTheGrid(@TempDir Path work)
            throws Exception {
        ExperimentResult r = new AudioEmotionsExperiment().run(new ExperimentContext(null, work, 7, null, Map.of()));
        var table = r.tables().get(2);
        assertThat(table.title()).startsWith("Redone with a variational mixture");
        assertThat(table.rows()).hasSize(2);
        for (String key : List.of("positive_negative", "male_happy_calm_angry")) {
            @SuppressWarnings("unchecked")
            Map<String, Double> byCovariance = (Map<String, Double>) r.numbers().get(key + "_variational_accuracy");
            assertThat(byCovariance).containsOnlyKeys("full", "tied", "diag", "spherical");
            double best = (Double) r.numbers().get(key + "_variational_best_accuracy");
            assertThat(best).isEqualTo(byCovariance.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            assertThat((Integer) r.numbers().get(key + "_variational_components_kept")).isBetween(1, VariationalRedo.ROOM);
        }
        double best = (Double) r.numbers().get("positive_negative_accuracy");
        double median = (Double) r.numbers().get("positive_negative_median_accuracy");
        double variational = (Double) r.numbers().get("positive_negative_variational_best_accuracy");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f).startsWith("positive vs negative, redone with a "
                + "variational mixture").contains(VariationalRedo.against(variational, best, median)));
        assertThat(VariationalRedo.against(0.9, 0.8, 0.6)).endsWith("changes the answer");
        assertThat(VariationalRedo.against(0.7, 0.8, 0.6)).contains("at or above its median")
                .endsWith("does not change the answer");
        assertThat(VariationalRedo.against(0.5, 0.8, 0.6)).startsWith("below the EM grid's median");
    }

    @Test
    void theGridIsTheStudysWithRegCovar1eMinus3() {
        assertThat(GridPoint.REG_COVARS).containsExactly(1e-8, 1e-6, 1e-4, 1e-3, 1e-2);
        assertThat(GridPoint.INIT_METHODS).containsExactly("kmeans", "k-means++", "random", "random_from_data");
        assertThat(GridPoint.COVARIANCE_TYPES).containsExactly("full", "tied", "diag", "spherical");
        assertThat(GridPoint.N_INITS).containsExactly(1, 10, 20);
    }

    @Test
    void eachQuestionStandardizesOnlyItsOwnRecordings(@TempDir Path work) throws Exception {
        List<SyntheticEmotions.Clip> clips = SyntheticEmotions.generate(4, 7);
        List<Ravdess.Entry> names = clips.stream().map(SyntheticEmotions.Clip::name).toList();
        Speech27Extractor speech = new Speech27Extractor();
        DataMatrix features = DataMatrix.of(clips.stream().map(c -> speech.extract(c.signal())).toArray(double[][]::new));
        AudioEmotionsExperiment.Task male = AudioEmotionsExperiment.tasks(names).get(1);
        assertThat(male.rows()).hasSize(12);

        DataMatrix z = AudioEmotionsExperiment.standardizedRows(features, male.rows());
        for (int c = 0; c < z.cols(); c++) {
            double mean = 0, square = 0;
            for (int i = 0; i < z.rows(); i++) mean += z.get(i, c) / z.rows();
            for (int i = 0; i < z.rows(); i++) square += (z.get(i, c) - mean) * (z.get(i, c) - mean) / z.rows();
            assertThat(mean).as("mean of feature %d over the 12 male rows", c).isCloseTo(0, within(1e-9));
            assertThat(square).as("variance of feature %d over the 12 male rows", c).isCloseTo(1, within(1e-9));
        }

        // end to end: the reported accuracy at the study's parameters is that of a fit on those 12 rows,
        // scaled on themselves (scaled over all 64 rows they are another data set)
        ExperimentResult r = new AudioEmotionsExperiment()
                .run(new ExperimentContext(null, work, 7, ProgressListener.NONE, Map.of()));
        DataMatrix maleRows = features.selectRows(male.rows());
        int[] labels = GaussianMixture.builder().components(3).covarianceType("full").regCovar(1e-6).nInit(1)
                .initMethod("kmeans").seed(7).threads(1).build()
                .fit(StandardScaler.fit(maleRows).transform(maleRows)).predict(StandardScaler.fit(maleRows).transform(maleRows));
        assertThat(r.numbers().get("male_happy_calm_angry_accuracy_at_study_params"))
                .isEqualTo(ClusteringMetrics.bestMapAccuracy(male.truth(), labels).accuracy());
    }

    @Test
    void onlyTheChosenSubsetIsReadAndTheFeatureCacheServesARerun(@TempDir Path data, @TempDir Path work)
            throws Exception {
        Path actor = Files.createDirectories(data.resolve("Actor_01"));
        List<SyntheticEmotions.Clip> clips = SyntheticEmotions.generate(2, 1);
        for (SyntheticEmotions.Clip c : clips) {
            Files.write(actor.resolve(c.fileName()), SyntheticEmotions.toWav(c.signal().samples(), c.signal().sampleRate()));
        }
        byte[] aWav = Files.readAllBytes(actor.resolve(clips.getFirst().fileName()));
        Files.writeString(actor.resolve("notes.wav"), "not audio"); // not a RAVDESS name: skipped before decoding
        Files.write(actor.resolve("03-01-05-02-02-03-05.wav"), aWav); // repetition 03 does not exist: skipped, not used
        Files.writeString(actor.resolve("03-01-05-02-02-02-05.wav"), "RIFF but cut"); // of the subset, not a WAV
        Files.writeString(actor.resolve("03-01-05-01-02-02-05.wav"), "RIFF but cut"); // normal intensity: never read
        Files.writeString(actor.resolve("03-01-05-02-01-02-05.wav"), "RIFF but cut"); // statement 1: never read
        CountingExtractor extractor = new CountingExtractor();
        AudioEmotionsExperiment experiment = new AudioEmotionsExperiment(extractor);
        RecordingProgress progress = new RecordingProgress();
        ExperimentContext ctx = new ExperimentContext(data, work, 3, progress, Map.of());

        ExperimentResult first = experiment.run(ctx);
        assertThat(progress.tasks.getFirst()).isEqualTo(
                new RecordingProgress.Task("extracting speech27 features", clips.size() + 1, clips.size() + 1, true));
        assertThat(extractor.calls.get()).isEqualTo(clips.size());
        assertThat(first.numbers()).containsEntry("features_cached", false).containsEntry("skipped", 3)
                .containsEntry("outside_subset", 2).containsEntry("synthetic", false)
                .containsEntry("recordings", clips.size()).containsEntry("subset", "speech, intensity 2 (strong), statement 2");
        assertThat(first.findings()).anySatisfy(f -> assertThat(f).contains("notes.wav"))
                .anySatisfy(f -> assertThat(f).contains("03-01-05-02-02-03-05.wav").contains("repetition"))
                .anySatisfy(f -> assertThat(f).contains("03-01-05-02-02-02-05.wav").contains("not a WAV"))
                .noneSatisfy(f -> assertThat(f).contains("03-01-05-01-02-02-05.wav"))
                .noneSatisfy(f -> assertThat(f).contains("03-01-05-02-01-02-05.wav"));
        assertThat(first.summary()).contains(clips.size() + " RAVDESS recordings").contains("3 skipped")
                .contains("2 outside the subset not read");
        try (var files = Files.list(work)) {
            assertThat(files.filter(p -> p.toString().endsWith(".csv")).count()).isEqualTo(1);
        }

        progress.tasks.clear();
        ExperimentResult second = experiment.run(ctx);
        assertThat(progress.tasks).extracting(RecordingProgress.Task::name).as("cached: only the grids")
                .containsExactly("GMM grid: positive vs negative", "GMM grid: male: happy vs calm vs angry");
        assertThat(extractor.calls.get()).as("no extraction on rerun").isEqualTo(clips.size());
        assertThat(second.numbers()).containsEntry("features_cached", true).containsEntry("skipped", 3);
        assertThat(second.numbers().get("positive_negative_accuracy"))
                .isEqualTo(first.numbers().get("positive_negative_accuracy"));

        ExperimentResult both = experiment.run(new ExperimentContext(data, work, 3, ProgressListener.NONE,
                Map.of("intensity", "all", "statement", "all")));
        assertThat(both.numbers()).as("the other two are read now, and fail to decode")
                .containsEntry("skipped", 5).containsEntry("outside_subset", 0);
    }

    @Test
    void optionsAreCheckedAndNamedInTheirErrors(@TempDir Path work) {
        AudioEmotionsExperiment experiment = new AudioEmotionsExperiment();
        assertThatThrownBy(() -> experiment.run(new ExperimentContext(null, work, 1, null, Map.of("intensty", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("experiment 'audio-emotions' has no option 'intensty'; its options: intensity "
                        + "(default 2)").hasMessageContaining("; statement (default 2)")
                .hasMessageContaining("; study-params (default kmeans,1e-6,full,1)");
        assertThatThrownBy(() -> experiment.run(new ExperimentContext(null, work, 1, null, Map.of("statement", "3"))))
                .hasMessageContaining("statement=3").hasMessageContaining("1, 2 or all");
        assertThatThrownBy(() -> experiment.run(new ExperimentContext(null, work, 1, null, Map.of("study-params", "kmeans,1e-6,full"))))
                .hasMessageContaining("study-params=kmeans,1e-6,full").hasMessageContaining("INIT,REG_COVAR,COVARIANCE,N_INIT");
        assertThatThrownBy(() -> experiment.run(new ExperimentContext(null, work, 1, null, Map.of("study-params", "kmeans,-1,full,1"))))
                .hasMessageContaining("reg_covar must be");
        assertThatThrownBy(() -> experiment.run(new ExperimentContext(null, work, 1, null, Map.of("intensity", "1"))))
                .hasMessageContaining("only 0 usable recordings").hasMessageContaining("intensity 1 (normal)");
        assertThat(EmotionsOptions.of(Map.of("study-params", "k-means++, 1e-2, diag, 10")).studyParams())
                .isEqualTo(new GridPoint("k-means++", 1e-2, "diag", 10));
    }

    @Test
    void aFolderWithoutRavdessNamesIsRefusedBeforeAnythingIsDecoded(@TempDir Path data, @TempDir Path work) throws Exception {
        Files.writeString(data.resolve("sine.wav"), "not even a WAV");
        Files.writeString(data.resolve("03-01-05-01-02-02-05.wav"), "not even a WAV"); // normal intensity
        CountingExtractor extractor = new CountingExtractor();
        assertThatThrownBy(() -> new AudioEmotionsExperiment(extractor)
                .run(new ExperimentContext(data, work, 1, null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 0 usable recordings (speech, intensity 2 (strong), statement 2)")
                .hasMessageContaining("2 .wav files: 1 without a RAVDESS name, 1 outside the subset")
                .hasMessageContaining("03-01-05-02-02-01-12.wav");
        assertThat(extractor.calls.get()).isZero();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(AudioEmotionsExperiment.median(new double[] {0.875, 0.5, 0.75, 0.625})).isEqualTo(0.6875);
        assertThat(AudioEmotionsExperiment.median(new double[] {0.9, 0.5, 0.7})).isEqualTo(0.7);
    }

    @Test
    void aGridWhoseEveryFitFailsIsReportedNotThrown() {
        var data = DataMatrix.of(new double[][] {{0, 1}, {Double.NaN, 2}, {3, 4}, {5, 6}});
        var task = new AudioEmotionsExperiment.Task("t", "t", List.of("a", "b"), new int[] {0, 1, 2, 3}, new int[] {0, 0, 1, 1});
        var grid = new AudioEmotionsExperiment().runGrid(data, task, 1, ProgressListener.NONE);
        assertThat(grid.failed()).isTrue();
        assertThat(grid.points()).isEqualTo(4 * 5 * 4 * 3);
        assertThat(grid.failure()).startsWith("model selection failed at every one of its 240 grid points");
    }

    @Test
    void gridFitsThatFailBecomeFailedRowsRankedLast() {
        // two distinct recordings per class, each twice: with reg_covar 1e-8 some full fits collapse
        var data = DataMatrix.of(new double[][] {{0, 0}, {0, 0}, {1, 0}, {1, 0}, {5, 5}, {5, 5}, {6, 5}, {6, 5}});
        var task = new AudioEmotionsExperiment.Task("t", "t", List.of("a", "b"), new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                new int[] {0, 0, 0, 0, 1, 1, 1, 1});
        var grid = new AudioEmotionsExperiment().runGrid(data, task, 1, ProgressListener.NONE);
        assertThat(grid.failed()).isFalse();
        var ranked = grid.selection().ranked();
        assertThat(ranked).hasSize(240);
        int firstFailed = (int) ranked.stream().takeWhile(c -> !c.failed()).count();
        assertThat(ranked.subList(firstFailed, ranked.size())).allSatisfy(c -> assertThat(c.failure()).isNotBlank());
        assertThat(ranked.getFirst().metric()).isEqualTo(1.0);
    }
}
