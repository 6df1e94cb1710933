package dev.gmm.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path for plain numeric CSV reads exactly what the general reader reads — the same doubles
 * bit for bit, names, line numbers — on files of every number format a writer produces, and hands
 * every other file to the general reader, so errors and missing values behave as before.
 */
class NumericCsvFastPathTest {
    @TempDir
    Path dir;

    @Test
    void plain_numbers_in_every_format_read_the_same_as_the_general_reader() throws IOException {
        SplittableRandom random = new SplittableRandom(9);
        for (int file = 0; file < 40; file++) {
            int rows = 1 + random.nextInt(file < 35 ? 300 : 90_000);
            int cols = 1 + random.nextInt(6);
            boolean header = random.nextBoolean();
            String newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
            StringBuilder csv = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
            if (header) {
                for (int c = 0; c < cols; c++) {
                    csv.append(c == 0 ? "" : ",").append("col ").append(c);
                }
                csv.append(newline);
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    csv.append(c == 0 ? "" : random.nextInt(8) == 0 ? " , " : ",").append(number(random));
                }
                csv.append(r == rows - 1 && random.nextBoolean() ? "" : newline);
            }
            Path path = dir.resolve("f" + file + ".csv");
            Files.writeString(path, csv);
            CsvRows fast = Csv.readRows(path, CsvOptions.defaults());
            CsvRows general = Csv.readAnyRows(path, CsvOptions.defaults());
            assertThat(fast.dataset().data().values()).as("file %d", file).isEqualTo(general.dataset().data().values());
            assertThat(fast.dataset().featureNames()).isEqualTo(general.dataset().featureNames());
            assertThat(fast.header()).isEqualTo(general.header());
            assertThat(fast.lineNumbers()).isEqualTo(general.lineNumbers());
            assertThat(fast.dataRowIndices()).isEqualTo(general.dataRowIndices());
        }
    }

    @Test
    void a_selection_of_named_columns_reads_the_same() throws IOException {
        Path path = dir.resolve("named.csv");
        Files.writeString(path, "a,b,c\n1,2,3\n4.5,-6e2,.7\n");
        CsvOptions options = CsvOptions.defaults().withColumns(List.of("c", "a"));
        assertThat(Csv.readRows(path, options).dataset().data().values())
                .isEqualTo(Csv.readAnyRows(path, options).dataset().data().values())
                .containsExactly(3, 1, 0.7, 4.5);
    }

    @Test
    void anything_but_plain_numbers_meets_the_general_readers_rules() throws IOException {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> read("1.0,abc,3.0\n1,2,3\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("1,2\n0x1p3,4\n")).hasMessageContaining("0x1p3");
        assertThatThrownBy(() -> read("1,2\n3,\n")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> read("1,2\n1e400,4\n")).hasMessageContaining("1e400");
        assertThat(read("1,2\n\n3,4\n").lineNumbers()).containsExactly(1, 3);
        assertThat(read("\"1\",2\n3,4\n").dataset().data().values()).containsExactly(1, 2, 3, 4);
    }

    private CsvRows read(String text) throws IOException {
        Path path = dir.resolve("t.csv");
        Files.writeString(path, text);
        return Csv.readRows(path, CsvOptions.defaults());
    }

    /** A number as some writer would print it: integers, fixed, scientific, 17 digits, signs, zeros. */
    private static String number(SplittableRandom random) {
        double v = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
        return switch (random.nextInt(9)) {
            case 0 -> Long.toString(Math.round(v));
            case 1 -> String.format(Locale.ROOT, "%.3f", v);
            case 2 -> String.format(Locale.ROOT, "%.18e", v);
            case 3 -> Double.toString(v);
            case 4 -> String.format(Locale.ROOT, "%+.6E", v);
            case 5 -> "0";
            case 6 -> "-0.0";
            case 7 -> String.format(Locale.ROOT, "%.25f", v);
            default -> String.format(Locale.ROOT, "%.2f", Math.abs(v)).replaceFirst("^0\\.", ".");
        };
    }
}
