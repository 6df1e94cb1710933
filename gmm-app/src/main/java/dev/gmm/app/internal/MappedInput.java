package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.datasets.MappedNpy;
import dev.gmm.datasets.Npy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code --data X.npy} file, mapped rather than read (DESIGN.md, issue 19): commands do their work
 * inside {@link #use}, which turns a read fault of a file truncated under the mapping into one clear
 * error and, when the work is done, refuses results read from a file that changed meanwhile (see
 * {@link MappedNpy}).
 */
public final class MappedInput implements AutoCloseable {
    private final MappedNpy mapped;

    private MappedInput(MappedNpy mapped) {
        this.mapped = mapped;
    }

    /** Whether {@code --data} names an .npy file (by its extension), which the commands map. */
    public static boolean isNpy(Path file) {
        return file != null && file.getFileName() != null
                && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    /** Maps {@code file}, given by {@code flag}. */
    public static MappedInput open(Path file, String flag) throws IOException {
        FileChecks.requireInputFile(file, flag);
        return new MappedInput(Npy.map(file));
    }

    /** The mapped rows. */
    public DataMatrix data() {
        return mapped.data();
    }

    /** Work over the mapped rows. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does it. */
        T run(DataMatrix data) throws IOException;
    }

    /** Runs {@code work} on the rows, then checks that the file did not change while it ran. */
    public <T> T use(Work<T> work) throws IOException {
        T result;
        try {
            result = work.run(mapped.data());
        } catch (RuntimeException | InternalError e) {
            if (faulted(e)) {
                throw new IOException(mapped.file() + " changed while it was mapped: reading it faulted (the file was "
                        + "probably truncated or rewritten); run again on a file that stays unchanged", e);
            }
            throw e;
        }
        mapped.checkUnchanged();
        return result;
    }

    /** The JVM reports SIGBUS on a mapped page past the file's end as an InternalError, possibly wrapped by a worker. */
    private static boolean faulted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InternalError) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        mapped.close();
    }
}
