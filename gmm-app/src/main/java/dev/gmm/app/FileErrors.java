package dev.gmm.app;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Turns the JDK's terse failures into one line a user can act on: a {@code NoSuchFileException}'s
 * message is only the path ("gmm: nosuch.csv"), a decoder's is "Input length = 1". Commands check
 * their files up front (FileChecks); this is the net under whatever slips past.
 */
final class FileErrors {
    private FileErrors() {
    }

    /** A clearer error for {@code e}, or {@code e} itself when it already speaks for itself. */
    static Throwable explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return outOfMemory(oom);
            }
        }
        return switch (e) {
            case NoSuchFileException f -> new IllegalArgumentException(f.getFile() + ": no such file or folder; "
                    + "check the path" + (f.getReason() == null ? "" : " (" + f.getReason() + ")"), e);
            case AccessDeniedException f -> new IllegalArgumentException(f.getFile() + ": permission denied; "
                    + "choose a file you can read (or a folder you can write to)", e);
            case FileSystemException f when f.getReason() != null && f.getReason().contains("Is a directory") ->
                    new IllegalArgumentException(f.getFile() + " is a folder; give a file", e);
            case FileSystemException f -> new IllegalArgumentException(f.getFile() + ": "
                    + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason()), e);
            case CharacterCodingException c -> new IllegalArgumentException("an input file is not UTF-8 text; "
                    + "save it as UTF-8 (run with --verbose to see which)", e);
            default -> e;
        };
    }

    /** Out of memory is the user's to fix like any other input: more heap, or less data. */
    static IllegalStateException outOfMemory(Throwable e) {
        return new IllegalStateException("out of memory: give the JVM more heap (e.g. GMM_JAVA_OPTS=-Xmx16g ./gmm ...)"
                + " or use less data (--float32 halves it)", e);
    }
}
