package dev.gmm.datasets;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RAVDESS name parser and folder scan, on a tree the test makes. */
class RavdessTest {
    @TempDir
    Path dir;

    @Test
    void parsesTheSevenFieldsAndTheActorsSex() {
        Ravdess.Entry e = Ravdess.parse(Path.of("03-01-06-01-02-01-12.wav"));
        assertThat(e.emotionName()).isEqualTo("fearful");
        assertThat(e.actor()).isEqualTo(12);
        assertThat(e.female()).isTrue();
        assertThat(e.statement()).isEqualTo(2);
        assertThat(Ravdess.parse(Path.of("03-01-01-01-01-01-01.wav")).female()).isFalse();
    }

    @Test
    void badNamesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Ravdess.parse(Path.of("03-01-06-01.wav"))).hasMessageContaining("4 fields");
        assertThatThrownBy(() -> Ravdess.parse(Path.of("03-01-09-01-02-01-12.wav"))).hasMessageContaining("emotion 09");
        assertThatThrownBy(() -> Ravdess.parse(Path.of("03-x1-06-01-02-01-12.wav"))).hasMessageContaining("vocal channel");
    }

    @Test
    void scansATreeAndFiltersWithAPattern() throws IOException {
        Path a1 = Files.createDirectories(dir.resolve("Actor_01"));
        Path a2 = Files.createDirectories(dir.resolve("Actor_02"));
        Files.write(a1.resolve("03-01-03-02-02-01-01.wav"), new byte[0]);
        Files.write(a1.resolve("03-01-04-01-02-01-01.wav"), new byte[0]);
        Files.write(a2.resolve("03-01-05-02-02-02-02.wav"), new byte[0]);
        Files.writeString(a2.resolve("notes.txt"), "ignored");
        List<Ravdess.Entry> strong = Ravdess.scan(dir, "03-01-*-02-02-*-*");
        assertThat(strong).extracting(Ravdess.Entry::emotionName).containsExactly("happy", "angry");
        assertThat(Ravdess.scan(dir, null)).hasSize(3);
        Files.write(a2.resolve("bad.wav"), new byte[0]);
        assertThatThrownBy(() -> Ravdess.scan(dir, null)).isInstanceOf(IOException.class).hasMessageContaining("bad.wav");
        assertThatThrownBy(() -> Ravdess.scan(dir, "03-01")).hasMessageContaining("seven");
    }

    @Test
    void theProviderIndexesEveryRecordingWithItsFieldsAndEmotion() throws IOException {
        Path a1 = Files.createDirectories(dir.resolve("Actor_01"));
        Path a2 = Files.createDirectories(dir.resolve("Actor_02"));
        Files.write(a1.resolve("03-01-03-02-02-01-01.wav"), new byte[0]);
        Files.write(a2.resolve("03-02-08-01-01-02-02.wav"), new byte[0]);
        DatasetProvider p = Plugins.find(DatasetProvider.class, "ravdess");
        assertThat(p.requiresPath()).isTrue();
        Dataset d = p.load(dir);
        assertThat(d.featureNames()).containsExactly("modality", "vocal_channel", "emotion", "intensity", "statement",
                "repetition", "actor", "female");
        assertThat(d.data().toArray()).isDeepEqualTo(new double[][] {{3, 1, 3, 2, 2, 1, 1, 0}, {3, 2, 8, 1, 1, 2, 2, 1}});
        assertThat(d.labels()).containsExactly(2, 7);
        assertThat(d.labelNames().get(2)).isEqualTo("happy");
        assertThat(d.labelNames().get(7)).isEqualTo("surprised");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> p.load(empty)).isInstanceOf(IOException.class).hasMessageContaining("no RAVDESS");
        assertThatThrownBy(() -> Ravdess.dataset(dir, "03-01-05-*-*-*-*")).hasMessageContaining("match 03-01-05");
    }
}
