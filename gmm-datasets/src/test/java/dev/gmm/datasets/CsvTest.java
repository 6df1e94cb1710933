package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
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
                .hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> Csv.read(file("big.csv", "a,b\n1,1e400\n"))).hasMessageContaining("line 2 column 2")
                .hasMessageContaining("not a finite number");
    }

    @Test
    void aFirstRowMixingNumbersAndTextIsAnErrorNamingTheCellNotADroppedHeader() throws IOException {
        StringBuilder text = new StringBuilder("1.0,abc,3.0\n");
        for (int i = 0; i < 300; i++) {
            text.append(i).append(".5,2,3\n");
        }
        Path p = file("typo.csv", text.toString());
        assertThatThrownBy(() -> Csv.read(p)).hasMessageContaining("typo.csv line 1 column 2")
                .hasMessageContaining("\"abc\"").hasMessageContaining("not taken for a header");
        assertThat(Csv.read(p, CsvOptions.defaults().withHeader(CsvOptions.Header.YES)).data().rows()).isEqualTo(300);
    }

    @Test
    void aHeaderIsARowWithoutNumbersEvenWithAnEmptyRowNamesCell() throws IOException {
        CsvRows rows = Csv.readRows(file("r.csv", "\"\",eruptions,waiting\n1,3.6,79\n2,1.8,54\n"), CsvOptions.defaults());
        assertThat(rows.header()).containsExactly("", "eruptions", "waiting");
        assertThat(rows.dataset().data().rows()).isEqualTo(2);
        assertThat(Csv.header(file("h.csv", "\n\na;b\n1;2\n"), CsvOptions.defaults())).containsExactly("a", "b");
        assertThat(Csv.header(file("n.csv", "1,2\n"), CsvOptions.defaults())).isEmpty();
    }

    @Test
    void hexadecimalFloatsInfinityAndSuffixesAreRefusedAsNotDecimal() throws IOException {
        for (String cell : List.of("0x1p3", "Infinity", "1.0f", "2d")) {
            Path p = file("x.csv", "a,b\n1,2\n3," + cell + "\n");
            assertThatThrownBy(() -> Csv.read(p)).as(cell).hasMessageContaining("x.csv line 3 column 2")
                    .hasMessageContaining("not a decimal number");
        }
        assertThat(Csv.read(file("ok.csv", "a\n-1.5\n.5\n+3e-7\n7.\n")).data().toArray())
                .isDeepEqualTo(new double[][] {{-1.5}, {0.5}, {3e-7}, {7}});
        assertThatThrownBy(() -> Csv.readDoubles(file("w.csv", "1\n0x1p3\n"))).hasMessageContaining("line 2");
    }

    @Test
    void droppedRowsLeaveGapsInTheRowIndicesSoOutputsCanLineUp() throws IOException {
        CsvRows rows = Csv.readRows(file("m.csv", "a,b\n1,2\n,4\n\n3,5\n"),
                CsvOptions.defaults().withMissing(CsvOptions.MissingValues.DROP_ROWS));
        assertThat(rows.dataRows()).isEqualTo(3);
        assertThat(rows.dataRowIndices()).containsExactly(0, 2);
        assertThat(rows.lineNumbers()).containsExactly(2, 5);
        assertThat(rows.droppedRows()).isTrue();
    }

    @Test
    void theMissingValueHintNamesTheCommandLineFlag() throws IOException {
        assertThatThrownBy(() -> Csv.read(file("m.csv", "a\n1\nNA\n"))).hasMessageContaining("--missing drop")
                .hasMessageContaining("--missing mean");
    }

    @Test
    void rowIndexColumnsAreFoundByNameOrByCountingTheRows() throws IOException {
        CsvRows named = Csv.readRows(file("f.csv", "rownames,eruptions,waiting\n7,3.6,79\n3,1.8,54\n"),
                CsvOptions.defaults());
        assertThat(RowIndexColumns.find(named)).containsExactly("rownames");
        CsvRows counted = Csv.readRows(file("c.csv", "0,3.6,1\n1,1.8,2\n2,3.3,3\n3,2.2,4\n"), CsvOptions.defaults());
        assertThat(RowIndexColumns.find(counted)).containsExactly("column0", "column2");
        CsvRows plain = Csv.readRows(file("p.csv", "x,y\n1,3.6\n2,1.8\n4,3.3\n"), CsvOptions.defaults());
        assertThat(RowIndexColumns.find(plain)).isEmpty();
    }
}
