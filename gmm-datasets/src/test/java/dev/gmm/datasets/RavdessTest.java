package dev.gmm.datasets;

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
}
