package dev.gmm.app;

import dev.gmm.datasets.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a command's result to a file (all at once, see {@link AtomicFiles}), or to stdout when no file is given. */
final class Output {
    private Output() {
    }

    static void write(Path out, String text) throws IOException {
        if (out == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            AtomicFiles.writeString(out, text);
        }
    }
}
