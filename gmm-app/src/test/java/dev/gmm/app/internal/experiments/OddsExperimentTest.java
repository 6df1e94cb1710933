package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OddsExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new OddsExperiment());
    }

    @Test
    void withoutDataItComparesBothDetectorsOnGeneratedSets() {
        var table = Results.table(result, "Per data set");
        assertThat(table.rows()).hasSize(3);
        assertThat(result.numbers().get("generated")).isEqualTo(true);
        for (Object name : Results.column(table, "data set")) {
            assertThat(number(result, name + "_gmm_roc_auc")).isGreaterThanOrEqualTo(0.95);
            assertThat(number(result, name + "_if_roc_auc_mean")).isGreaterThanOrEqualTo(0.9);
            assertThat(number(result, name + "_if_roc_auc_sd")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theFindingCountsWhereEachMethodWins() {
        var table = Results.table(result, "Per data set");
        var higher = Results.column(table, "higher roc_auc");
        long gmmWins = higher.stream().filter("gmm"::equals).count();
        long forestWins = higher.stream().filter("isolation-forest"::equals).count();
        assertThat(higher).isSubsetOf("gmm", "isolation-forest", "tie");
        assertThat(number(result, "gmm_wins_roc_auc")).isEqualTo(gmmWins);
        assertThat(number(result, "gmm_wins_roc_auc") + number(result, "if_wins_roc_auc")
                + number(result, "ties_roc_auc")).isEqualTo(3);
        assertThat(Results.findingStarting(result, "The study compared GMM and Isolation Forest on synthetic blobs only"))
                .contains("GMM has the higher ROC AUC on " + gmmWins)
                .contains("Isolation Forest on " + forestWins);
    }

    @Test
    void itReadsAFolderOfOddsCsvFiles(@TempDir Path dir) throws Exception {
        write(dir.resolve("b-set.csv"), Generators.blobsWithOutliers(200, 3, 2, 1.0, 0.1, 5));
        write(dir.resolve("a-set.csv"), Generators.blobsWithOutliers(150, 4, 3, 1.0, 0.2, 6));
        Files.writeString(dir.resolve("notes.txt"), "not a data set");
        ExperimentResult r = Results.run(new OddsExperiment(), dir, Map.of("max-k", "3", "if-fits", "2"));
        var table = Results.table(r, "Per data set");
        assertThat(Results.column(table, "data set")).containsExactly("a-set", "b-set");
        assertThat(Results.column(table, "n")).containsExactly(150, 200);
        assertThat(Results.column(table, "d")).containsExactly(4, 3);
        assertThat(number(r, "a-set_outlier_share")).isEqualTo(0.2);
        assertThat(number(r, "b-set_gmm_roc_auc")).isGreaterThan(0.9);
    }

    @Test
    void theOutlierColumnMustBeZeroOrOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "x0,x1,outlier\n1,2,0\n3,4,2\n5,6,0\n");
        assertThatThrownBy(() -> Results.run(new OddsExperiment(), dir, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.csv").hasMessageContaining("outlier");
    }

    @Test
    void aFileWithoutAnOutlierColumnOrAnEmptyFolderIsRejected(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Results.run(new OddsExperiment(), dir, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("no .csv file");
        Files.writeString(dir.resolve("plain.csv"), "x0,x1\n1,2\n3,4\n");
        assertThatThrownBy(() -> Results.run(new OddsExperiment(), dir, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("plain.csv").hasMessageContaining("outlier");
        assertThatThrownBy(() -> Results.run(new OddsExperiment(), dir.resolve("missing"), Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aSetWithoutOutliersIsRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clean.csv"), "x0,outlier\n1,0\n2,0\n3,0\n");
        assertThatThrownBy(() -> Results.run(new OddsExperiment(), dir, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("both outliers");
    }

    private static void write(Path file, Dataset d) throws IOException {
        DataMatrix x = d.data();
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < x.cols(); j++) {
            text.append("x").append(j).append(',');
        }
        text.append("outlier\n");
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                text.append(String.format(Locale.ROOT, "%.6f,", x.get(i, j)));
            }
            text.append(d.labels()[i]).append('\n');
        }
        Files.writeString(file, text);
    }
}
