package dev.gmm.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --data -}: the CSV comes on standard input ({@code gmm features --audio dir | gmm fit --data -
 * --drop file ...}). The CSV reader needs a file (it reads the header first, then the rows), so the
 * input is copied once into a temporary file that is deleted when the JVM exits.
 */
final class StandardInput {
    private static Path copy;

    private StandardInput() {
    }

    /** {@code file} itself, or for "-" the copy of standard input. */
    static synchronized Path resolve(Path file) throws IOException {
        if (file == null || !file.toString().equals("-")) {
            return file;
        }
        if (copy == null) {
            Path tmp = Files.createTempFile("gmm-stdin-", ".csv");
            tmp.toFile().deleteOnExit();
            try (InputStream in = System.in) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(tmp) == 0) {
                throw new IllegalArgumentException("--data -: standard input is empty; pipe a CSV into gmm "
                        + "(e.g. gmm features --audio DIR | gmm fit --data - --drop file ...)");
            }
            copy = tmp;
        }
        return copy;
    }
}
