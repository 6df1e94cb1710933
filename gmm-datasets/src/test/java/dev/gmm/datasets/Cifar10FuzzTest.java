package dev.gmm.datasets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Jazzer fuzz targets for the CIFAR-10 binary reader (fuzz profile only; see FUZZING.md). */
class Cifar10FuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void batchFile(FuzzedDataProvider data) {
        String meta = data.consumeBoolean() ? data.consumeString(200) : null;
        FuzzTargets.cifarBatch(dir, data.consumeRemainingAsBytes(), meta);
    }
}
