package dev.gmm.datasets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Jazzer fuzz target for the .npy reader and mapper (fuzz profile only; see FUZZING.md). */
class NpyFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void npyFile(byte[] content) {
        FuzzTargets.npy(dir, content);
    }
}
