package dev.gmm.datasets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Jazzer fuzz target for the CSV reader with fuzzed options (fuzz profile only; see FUZZING.md). */
class CsvFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void csvFile(FuzzedDataProvider data) {
        CsvOptions options = CsvOptions.defaults()
                .withHeader(data.pickValue(CsvOptions.Header.values()))
                .withMissing(data.pickValue(CsvOptions.MissingValues.values()));
        if (data.consumeBoolean()) {
            options = options.withDelimiter(data.pickValue(new Character[] {',', ';', '\t', ' ', '"'}));
        }
        if (data.consumeBoolean()) {
            options = options.withLabelColumn(data.consumeString(8));
        }
        if (data.consumeBoolean()) {
            options = options.withColumns(List.of(data.consumeString(8), data.consumeString(8)));
        }
        FuzzTargets.csv(dir, data.consumeRemainingAsBytes(), options);
    }
}
