package dev.gmm.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks the command line's files before any work starts, so that a mistake costs a second rather
 * than a long fit (Decision 21): inputs exist and are files; an output's folder exists and is
 * writable; an output is never one of the inputs (it would be replaced by the result).
 */
public final class FileChecks {
    private FileChecks() {
    }

    /** {@code file}, given by {@code flag}, is an existing readable file. */
    public static void requireInputFile(Path file, String flag) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": no such file; check the path (relative paths "
                    + "start in " + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(flag + " " + file + " is a folder; give a file in it");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": permission denied; make the file readable");
        }
    }

    /**
     * {@code out}, given by {@code flag}, can be written: it is not a folder, its folder exists and is
     * writable, and it is none of {@code inputs} (null entries are skipped).
     */
    public static void requireOutputFile(Path out, String flag, Path... inputs) throws IOException {
        if (out == null) {
            return;
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(flag + " " + out + " is a folder; give the name of a file (in it or "
                    + "elsewhere)");
        }
        requireWritableFolder(out.toAbsolutePath().getParent(), flag + " " + out);
        if (Files.exists(out)) {
            Path real = out.toRealPath();
            for (Path input : inputs) {
                if (input != null && Files.exists(input) && input.toRealPath().equals(real)) {
                    throw new IllegalArgumentException(flag + " " + out + " is also an input of this command; writing "
                            + "it would replace the input: choose another output file");
                }
            }
        }
    }

    /** {@code dir}, given by {@code flag}, is a folder that exists or can be created, and is writable. */
    public static void requireOutputFolder(Path dir, String flag) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(flag + " " + dir + " is a file; give a folder for the report (it is "
                    + "created if needed)");
        }
        if (Files.isDirectory(dir)) {
            requireWritableFolder(dir.toAbsolutePath(), flag + " " + dir);
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        requireWritableFolder(Objects.requireNonNull(parent), flag + " " + dir);
    }

    private static void requireWritableFolder(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(what + ": the folder " + folder + " does not exist; create it first "
                    + "(mkdir -p " + folder + ") or choose another path");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(what + ": cannot write in the folder " + folder + " (permission "
                    + "denied); choose a folder you can write to");
        }
    }
}
