package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the build's checks (it needs the real data): runs {@code odds} on a folder of ODDS CSV
 * files and writes the Markdown table of gmm-baselines/README.md to target/odds-table.md.
 *
 * <pre>mvn -q -B -o install -pl gmm-app -Dtest=OddsRealDataReportTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dodds.dir=/work/shared/datasets/odds [-Dodds.max-k=6]</pre>
 */
@EnabledIfSystemProperty(named = "odds.dir", matches = ".+")
class OddsRealDataReportTest {

    @Test
    void writesTheOddsTable() throws Exception {
        Path dir = Path.of(System.getProperty("odds.dir"));
        String maxK = System.getProperty("odds.max-k", "6");
        ExperimentResult r = Results.run(new OddsExperiment(), dir, Map.of("max-k", maxK));
        var table = Results.table(r, "Per data set");
        StringBuilder md = new StringBuilder("| data set | n | d | outliers | GMM K / covariance | GMM ROC AUC | GMM AP "
                + "| IF ROC AUC (mean ± sd, 5 fits) | IF AP (mean ± sd) | higher ROC AUC |\n"
                + "|---|---:|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (List<Object> row : table.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% | %d %s | %.3f | %.3f | %.3f ± %.3f | "
                            + "%.3f ± %.3f | %s |%n", row.get(0), row.get(1), row.get(2), row.get(3), row.get(4),
                    row.get(5), row.get(6), row.get(7), row.get(8), row.get(9), row.get(10), row.get(11), row.get(12)));
        }
        md.append('\n');
        r.findings().forEach(f -> md.append("- ").append(f).append('\n'));
        Files.writeString(Path.of("target", "odds-table.md"), md);
        System.out.println(md);

        long files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).count();
        }
        assertThat(table.rows()).hasSize((int) files);
        for (Object auc : Results.column(table, "gmm roc_auc")) {
            assertThat((double) auc).isBetween(0.0, 1.0);
        }
    }
}
