package dev.gmm.spark.internal.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Output checks made before any work starts (DESIGN Decision 21). */
final class Outputs {
    private Outputs() {
    }

    static void requireFolder(Path out, String option) {
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + out + ": the folder " + folder
                    + " does not exist; create it first");
        }
    }
}
