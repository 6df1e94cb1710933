package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and writing numeric CSV files. */
class CsvTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void detectsAHeaderAndALabelColumnWithNamesInOrderOfFirstAppearance() throws IOException {
        Path p = file("a.csv", "x,y,species\n1,2,b\n3,4,a\n5,6,b\n");
        Dataset d = Csv.read(p, CsvOptions.defaults().withLabelColumn("species"));
        assertThat(d.name()).isEqualTo("a");
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(d.data().toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.labelNames()).containsExactly("b", "a");
    }

    @Test
    void withoutAHeaderColumnsAreNumberedAndDelimitersDetected() throws IOException {
        Dataset semi = Csv.read(file("s.csv", "1;2\n3;4\n"));
        assertThat(semi.featureNames()).containsExactly("column0", "column1");
        assertThat(semi.data().get(1, 1)).isEqualTo(4.0);
        Dataset tab = Csv.read(file("t.tsv", "1\t2\t3\n"), CsvOptions.defaults().withColumns(List.of("2", "0")));
        assertThat(tab.data().toArray()).isDeepEqualTo(new double[][] {{3, 1}});
        assertThat(tab.labels()).isNull();
    }

    @Test
    void missingValuesAreRefusedDroppedOrImputed() throws IOException {
        Path p = file("m.csv", "a,b\n1,2\n,4\n3,NA\n");
        assertThatThrownBy(() -> Csv.read(p)).isInstanceOf(IOException.class)
                .hasMessageContaining("m.csv line 3 column 1").hasMessageContaining("missing");
        Dataset dropped = Csv.read(p, CsvOptions.defaults().withMissing(CsvOptions.MissingValues.DROP_ROWS));
        assertThat(dropped.data().toArray()).isDeepEqualTo(new double[][] {{1, 2}});
        Dataset imputed = Csv.read(p, CsvOptions.defaults().withMissing(CsvOptions.MissingValues.IMPUTE_MEAN));
        assertThat(imputed.data().toArray()).isDeepEqualTo(new double[][] {{1, 2}, {2, 4}, {3, 3}});
    }

    @Test
    void theImputedMeanOfHugeValuesStaysFinite() throws IOException {
        Path p = file("big.csv", "a\n1.5e308\n1.5e308\nNA\n");
        Dataset d = Csv.read(p, CsvOptions.defaults().withMissing(CsvOptions.MissingValues.IMPUTE_MEAN));
        assertThat(d.data().get(2, 0)).isEqualTo(1.5e308);
    }

    @Test
    void aMissingLabelIsDroppedWithItsRowOrRefusedSinceItCannotBeImputed() throws IOException {
        Path p = file("ml.csv", "a,kind\n1,x\n2,\n3,y\n");
        CsvOptions labelled = CsvOptions.defaults().withLabelColumn("kind");
        Dataset dropped = Csv.read(p, labelled.withMissing(CsvOptions.MissingValues.DROP_ROWS));
        assertThat(dropped.data().toArray()).isDeepEqualTo(new double[][] {{1}, {3}});
        assertThat(dropped.labelNames()).containsExactly("x", "y");
        assertThatThrownBy(() -> Csv.read(p, labelled.withMissing(CsvOptions.MissingValues.IMPUTE_MEAN)))
                .hasMessageContaining("ml.csv line 3 column 2 (kind)").hasMessageContaining("label is missing");
    }

    @Test
    void malformedFilesAreRefusedNamingFileLineAndColumn() throws IOException {
        assertThatThrownBy(() -> Csv.read(file("e.csv", "\n\n"))).hasMessageContaining("e.csv is empty");
        assertThatThrownBy(() -> Csv.read(file("r.csv", "1,2\n3\n"))).hasMessageContaining("r.csv line 2")
                .hasMessageContaining("1 cells");
        assertThatThrownBy(() -> Csv.read(file("n.csv", "1,2\n3,x\n"))).hasMessageContaining("n.csv line 2 column 2")
                .hasMessageContaining("\"x\" is not a number");
        assertThatThrownBy(() -> Csv.read(file("c.csv", "a,b\n1,2\n"), CsvOptions.defaults().withColumns(List.of("z"))))
                .hasMessageContaining("\"z\"");
    }

    @Test
    void matricesIntsAndDoublesRoundTrip() throws IOException {
        DataMatrix m = DataMatrix.of(new double[][] {{0.1, 1.0 / 3}, {-2e-300, 12345.678}});
        Path p = dir.resolve("w.csv");
        Csv.writeMatrix(p, m, List.of("u", "v"));
        Dataset back = Csv.read(p);
        assertThat(back.featureNames()).containsExactly("u", "v");
        assertThat(back.data().toArray()).isDeepEqualTo(m.toArray());
        Path ints = dir.resolve("l.csv");
        Csv.writeInts(ints, new int[] {3, 0, -1});
        assertThat(Csv.readInts(ints)).containsExactly(3, 0, -1);
        assertThat(Csv.readDoubles(file("d.csv", "0.5\n\n1e3\n"))).containsExactly(0.5, 1000.0);
        assertThatThrownBy(() -> Csv.readInts(file("bad.csv", "1\n2.5\n"))).hasMessageContaining("line 2");
    }

    @Test
    void quotedCellsAByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
        Path p = file("q.csv", "\uFEFFa,\"b, quoted\",kind\r\n1,\"2.5\",\"NEAR, BAY\"\r\n3,4,\"say \"\"hi\"\"\"\r\n");
        Dataset d = Csv.read(p, CsvOptions.defaults().withLabelColumn("kind"));
        assertThat(d.featureNames()).containsExactly("a", "b, quoted");
        assertThat(d.data().toArray()).isDeepEqualTo(new double[][] {{1, 2.5}, {3, 4}});
        assertThat(d.labelNames()).containsExactly("NEAR, BAY", "say \"hi\"");
        assertThatThrownBy(() -> Csv.read(file("open.csv", "1,\"2\n"))).hasMessageContaining("open.csv line 1 column 2")
                .hasMessageContaining("not closed");
    }

    @Test
    void aTextLabelColumnWithoutAHeaderIsNotTakenForOne() throws IOException {
        Dataset d = Csv.read(file("h.csv", "1,2,setosa\n3,4,virginica\n"), CsvOptions.defaults().withLabelColumn("2"));
        assertThat(d.data().rows()).isEqualTo(2);
        assertThat(d.labelNames()).containsExactly("setosa", "virginica");
    }

    @Test
    void bytesThatAreNotUtf8AndInfiniteValuesAreRefusedWithTheirPlace() throws IOException {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, new byte[] {'1', ',', '2', '\n', '3', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Csv.read(p)).isInstanceOf(IOException.class).hasMessageContaining("byte offset 6")
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Csv.read(file("inf.csv", "a,b\n1,Infinity\n"))).hasMessageContaining("line 2 column 2")
                .hasMessageContaining("not a finite number");
    }
}
