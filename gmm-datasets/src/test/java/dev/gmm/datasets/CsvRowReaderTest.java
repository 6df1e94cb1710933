package dev.gmm.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.DataMatrix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The streaming CSV reader behind {@code gmm convert} and {@code gmm fit --online}: it detects the
 * delimiter and a header as {@link Csv} does, hands out rows or batches of them, and names the source,
 * line and column of a cell it cannot read.
 */
class CsvRowReaderTest {

    private static CsvRowReader reader(String text, CsvOptions.Header header) throws IOException {
        return CsvRowReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "standard input", header);
    }

    @Test
    void aHeaderIsDetectedAndRowsComeInBatches() throws IOException {
        try (CsvRowReader r = reader("x;y\n1;2\n\n3;4\n5;6e-1\n", CsvOptions.Header.AUTO)) {
            assertThat(r.featureNames()).containsExactly("x", "y");
            assertThat(r.cols()).isEqualTo(2);
            DataMatrix first = r.nextBatch(2, false);
            assertThat(first.toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            DataMatrix rest = r.nextBatch(2, true);
            assertThat(rest.isFloat32()).isTrue();
            assertThat(rest.toArray()).isDeepEqualTo(new double[][] {{5, (float) 0.6}});
            assertThat(r.nextBatch(2, false)).isNull();
        }
    }

    @Test
    void withoutAHeaderTheFirstLineIsData() throws IOException {
        try (CsvRowReader r = reader("\uFEFF1\t2\n3\t4\n", CsvOptions.Header.AUTO)) {
            assertThat(r.featureNames()).containsExactly("column0", "column1");
            double[] row = new double[2];
            assertThat(r.next(row)).isTrue();
            assertThat(row).containsExactly(1, 2);
        }
        try (CsvRowReader r = reader("a,b\n", CsvOptions.Header.NO)) {
            assertThatThrownBy(() -> r.next(new double[2])).isInstanceOf(IOException.class)
                    .hasMessageContaining("standard input line 1 column 1 (column0): \"a\" is not a number");
        }
    }

    @Test
    void aBadCellOrRowIsNamedByLineAndColumn() throws IOException {
        try (CsvRowReader r = reader("a,b\n1,2\n3,\n", CsvOptions.Header.AUTO)) {
            double[] row = new double[2];
            assertThat(r.next(row)).isTrue();
            assertThatThrownBy(() -> r.next(row)).hasMessageContaining("line 3 column 2 (b): \"\" is missing");
        }
        try (CsvRowReader r = reader("1,2\n3,4,5\n", CsvOptions.Header.AUTO)) {
            r.next(new double[2]);
            assertThatThrownBy(() -> r.next(new double[2])).hasMessageContaining("line 2: 3 cells but the first row has 2");
        }
        assertThatThrownBy(() -> reader("\n\n", CsvOptions.Header.AUTO)).isInstanceOf(IOException.class)
                .hasMessageContaining("standard input is empty");
    }
}
