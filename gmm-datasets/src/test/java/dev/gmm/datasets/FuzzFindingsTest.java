package dev.gmm.datasets;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Inputs the Jazzer fuzz targets saved (FUZZING.md), replayed in the default build under the same
 * rule: a data set or a clear IOException / IllegalArgumentException, nothing else.
 */
class FuzzFindingsTest {
    private static final Path FINDINGS = Path.of("src/test/resources/dev/gmm/datasets/fuzz-findings");

    @TempDir
    Path dir;

    static Stream<Path> idxImages() throws IOException {
        return files("idx-images");
    }

    @ParameterizedTest
    @MethodSource("idxImages")
    void idxImagesFilesAreReadOrRefusedClearly(Path input) throws IOException {
        byte[] content = Files.readAllBytes(input);
        FuzzTargets.idxImages(dir, content, false);
        FuzzTargets.idxImages(dir, content, true);
    }

    static Stream<Path> npy() throws IOException {
        return files("npy");
    }

    @ParameterizedTest
    @MethodSource("npy")
    void npyFilesAreReadOrRefusedClearly(Path input) throws IOException {
        FuzzTargets.npy(dir, Files.readAllBytes(input));
    }

    private static Stream<Path> files(String target) throws IOException {
        try (Stream<Path> s = Files.list(FINDINGS.resolve(target))) {
            return s.sorted().toList().stream();
        }
    }
}
