package dev.gmm.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.audio.AudioSignal;
import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.spi.ExperimentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void withoutDataItRunsOnSyntheticClipsAndReportsBothAccuracies(@TempDir Path work) throws Exception {
        RecordingProgress progress = new RecordingProgress();
        ExperimentResult r = new AudioEmotionsExperiment()
                .run(new ExperimentContext(null, work, 7, progress, Map.of()));

        assertThat(r.name()).isEqualTo("audio-emotions");
        assertThat(r.numbers()).containsEntry("synthetic", true).containsEntry("recordings", 48);
        assertThat(r.summary()).contains("SYNTHETIC");
        double pn = (Double) r.numbers().get("positive_negative_accuracy");
        double hca = (Double) r.numbers().get("male_happy_calm_angry_accuracy");
        assertThat(pn).isBetween(0.5, 1.0); // best-map over 2 clusters is never below 1/2
        // the synthetic classes differ in pitch, loudness and tempo: 3 male classes x 3 takes separate well
        assertThat(hca).isBetween(0.0, 1.0).isGreaterThan(0.6);
        assertThat(r.numbers()).containsKeys("positive_negative_best_params", "male_happy_calm_angry_best_params");
        assertThat(r.heatmaps()).hasSize(2);
        assertThat(r.heatmaps().get(1).rowLabels()).containsExactly("happy", "calm", "angry");
        double total = 0;
        for (double[] row : r.heatmaps().get(1).values()) for (double v : row) total += v;
        assertThat(total).isEqualTo(9); // 3 male takes of each of happy, calm, angry
        assertThat(r.tables()).hasSize(2);
        assertThat(r.tables().get(0).columns()).containsExactly("init", "reg_covar", "covariance", "n_init", "accuracy", "status");
        assertThat(r.tables().get(0).rows()).as("the whole grid, not a top-n").hasSize(4 * 4 * 4 * 3);
        assertThat(r.tables().get(0).rows().get(0).get(4)).isEqualTo(pn); // best row first
        var best = r.tables().get(1).rows().get(0);
        assertThat(best.get(4)).isEqualTo(hca);
        assertThat(r.numbers()).containsEntry("male_happy_calm_angry_best_init", best.get(0))
                .containsEntry("male_happy_calm_angry_best_reg_covar", best.get(1))
                .containsEntry("male_happy_calm_angry_best_covariance", best.get(2))
                .containsEntry("male_happy_calm_angry_best_n_init", best.get(3))
                .containsEntry("male_happy_calm_angry_grid_points", 192);

        assertThat(progress.tasks).extracting(RecordingProgress.Task::name).containsExactly(
                "extracting speech27 features of synthetic clips",
                "GMM grid: positive vs negative", "GMM grid: male: happy vs calm vs angry");
        assertThat(progress.tasks).extracting(RecordingProgress.Task::total).containsExactly(48L, 192L, 192L);
        assertThat(progress.tasks).allSatisfy(t -> {
            assertThat(t.advanced()).as(t.name()).isEqualTo(t.total());
            assertThat(t.finished()).as(t.name()).isTrue();
        });
    }

    @Test
    void aRerunOnTheSameFolderReadsTheFeatureCacheAndReportsSkippedFiles(@TempDir Path data, @TempDir Path work)
            throws Exception {
        Path actor = Files.createDirectories(data.resolve("Actor_01"));
        List<SyntheticEmotions.Clip> clips = SyntheticEmotions.generate(2, 1);
        for (SyntheticEmotions.Clip c : clips) {
            Files.write(actor.resolve(c.name().fileName()),
                    SyntheticEmotions.toWav(c.signal().samples(), c.signal().sampleRate()));
        }
        Files.writeString(actor.resolve("notes.wav"), "not audio"); // not a RAVDESS name: skipped before decoding
        Files.writeString(actor.resolve("03-01-05-01-02-02-05.wav"), "RIFF but cut"); // a RAVDESS name, not a WAV
        CountingExtractor extractor = new CountingExtractor();
        AudioEmotionsExperiment experiment = new AudioEmotionsExperiment(extractor);
        RecordingProgress progress = new RecordingProgress();
        ExperimentContext ctx = new ExperimentContext(data, work, 3, progress, Map.of());

        ExperimentResult first = experiment.run(ctx);
        assertThat(progress.tasks.getFirst()).isEqualTo(
                new RecordingProgress.Task("extracting speech27 features", clips.size() + 1, clips.size() + 1, true));
        assertThat(extractor.calls.get()).isEqualTo(clips.size());
        assertThat(first.numbers()).containsEntry("features_cached", false).containsEntry("skipped", 2)
                .containsEntry("synthetic", false).containsEntry("recordings", clips.size());
        assertThat(first.findings()).anySatisfy(f -> assertThat(f).contains("notes.wav"))
                .anySatisfy(f -> assertThat(f).contains("03-01-05-01-02-02-05.wav").contains("not a WAV"));
        assertThat(first.summary()).contains(clips.size() + " RAVDESS recordings").contains("2 skipped");
        try (var files = Files.list(work)) {
            assertThat(files.filter(p -> p.toString().endsWith(".csv")).count()).isEqualTo(1);
        }

        progress.tasks.clear();
        ExperimentResult second = experiment.run(ctx);
        assertThat(progress.tasks).extracting(RecordingProgress.Task::name).as("cached: only the grids")
                .containsExactly("GMM grid: positive vs negative", "GMM grid: male: happy vs calm vs angry");
        assertThat(extractor.calls.get()).as("no extraction on rerun").isEqualTo(clips.size());
        assertThat(second.numbers()).containsEntry("features_cached", true).containsEntry("skipped", 2);
        assertThat(second.numbers().get("positive_negative_accuracy"))
                .isEqualTo(first.numbers().get("positive_negative_accuracy"));
    }

    @Test
    void ravdessNamesParseAndBadOnesAreRejectedNamingTheFile() {
        RavdessName n = RavdessName.parse("Actor_12/03-01-05-02-01-01-12.wav");
        assertThat(n.emotionName()).isEqualTo("angry");
        assertThat(n.male()).isFalse();
        assertThat(n.positive()).isFalse();
        assertThat(RavdessName.parse("03-01-02-01-01-01-03.wav").male()).isTrue();
        assertThat(n.fileName()).isEqualTo("03-01-05-02-01-01-12.wav");

        assertThatThrownBy(() -> RavdessName.parse("03-01-05-02-01-12.wav"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("03-01-05-02-01-12.wav").hasMessageContaining("expected 7");
        assertThatThrownBy(() -> RavdessName.parse("03-01-09-02-01-01-12.wav"))
                .hasMessageContaining("emotion code 09");
        assertThatThrownBy(() -> RavdessName.parse("03-01-xx-02-01-01-12.wav"))
                .hasMessageContaining("field 3 is 'xx'");
    }

    @Test
    void standardizedColumnsHaveZeroMeanAndUnitVariance() {
        var z = Standardizer.standardize(dev.gmm.core.DataMatrix.of(new double[][] {{1, 5}, {3, 5}, {5, 5}}));
        assertThat(z.get(0, 0)).isCloseTo(-Math.sqrt(1.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(z.get(2, 0)).isCloseTo(Math.sqrt(1.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(z.get(1, 1)).isZero(); // constant column: centred, not divided by zero
    }

    @Test
    void gridFitsThatFailBecomeFailedRowsInsteadOfAborting() {
        var data = dev.gmm.core.DataMatrix.of(new double[][] {{0, 1}, {Double.NaN, 2}, {3, 4}, {5, 6}});
        var task = new AudioEmotionsExperiment.Task("t", List.of("a", "b"), new int[] {0, 1, 2, 3}, new int[] {0, 0, 1, 1});
        var rows = new AudioEmotionsExperiment().runGrid(data, task, 1, ProgressListener.NONE);
        assertThat(rows).hasSize(4 * 4 * 4 * 3)
                .allSatisfy(r -> assertThat(r.ok()).isFalse())
                .allSatisfy(r -> assertThat(r.error()).isNotBlank());
    }
}
