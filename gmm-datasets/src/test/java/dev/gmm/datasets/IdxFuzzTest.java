package dev.gmm.datasets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Jazzer fuzz targets for the IDX reader (fuzz profile only; see FUZZING.md). */
class IdxFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void imagesFile(byte[] content) {
        FuzzTargets.idxImages(dir, content, false);
    }

    @FuzzTest(maxDuration = "5m")
    void gzippedImagesFile(byte[] content) {
        FuzzTargets.idxImages(dir, content, true);
    }

    @FuzzTest(maxDuration = "5m")
    void imagesWithLabels(FuzzedDataProvider data) {
        byte[] images = data.consumeBytes(data.consumeInt(0, 4096));
        FuzzTargets.idxPair(dir, images, data.consumeRemainingAsBytes());
    }
}
