package dev.gmm.app.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV: a header is detected when its fields are not numbers; bad rows are named by line. */
class CsvFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNonNumericFirstLineIsTheHeader() throws IOException {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "x,y\n1,2\n3,4.5\n");
        CsvFiles.Table t = CsvFiles.read(f);
        assertThat(t.header()).containsExactly("x", "y");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.values()).containsExactly(1, 2, 3, 4.5);
    }

    @Test
    void aNumericFirstLineIsData() throws IOException {
        Path f = dir.resolve("n.csv");
        Files.writeString(f, "1,2\n3,4\n");
        CsvFiles.Table t = CsvFiles.read(f);
        assertThat(t.header()).isEmpty();
        assertThat(t.rows()).isEqualTo(2);
    }

    @Test
    void raggedRowsAndEmptyFilesAreRefused() throws IOException {
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2\n3\n");
        assertThatThrownBy(() -> CsvFiles.read(ragged)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
        Path empty = dir.resolve("e.csv");
        Files.writeString(empty, "a,b\n");
        assertThatThrownBy(() -> CsvFiles.read(empty)).isInstanceOf(IOException.class).hasMessageContaining("no data rows");
    }
}
