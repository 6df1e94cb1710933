package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * The values of an {@code .npy} file mapped into memory ({@link Npy#map}), as a {@link DataMatrix}
 * that fits, scores and predicts read where it lies: the heap holds one block of rows per thread, the
 * operating system's page cache the rest. Closing the handle unmaps the file; the matrix must not be
 * used after that.
 *
 * <p><b>When the file changes while it is mapped.</b> The mapping is shared with the file, so:
 * <ul>
 *   <li>values rewritten in place are seen by whatever reads them next — a fit then silently mixes old
 *       and new rows. {@link #checkUnchanged()} compares the file's size and modification time with
 *       those at mapping time and says so (gmm fit, predict and score call it when they finish and fail
 *       with exit code 2 rather than write a model of mixed data);</li>
 *   <li>a file truncated under the mapping (numpy.save to the same path truncates first) makes the
 *       next read of a page past the new end raise SIGBUS, which the JVM turns into
 *       {@link InternalError} ("a fault occurred in an unsafe memory access operation") in the reading
 *       thread; the commands report it as this file having changed;</li>
 *   <li>a file deleted or replaced by a rename keeps its old contents mapped until the handle closes
 *       (the old inode lives on), so the fit finishes on the data it started with.</li>
 * </ul>
 */
public final class MappedNpy implements AutoCloseable {
    private final Path file;
    private final Arena arena;
    private final DataMatrix data;
    private final long size;
    private final FileTime modified;

    private MappedNpy(Path file, Arena arena, DataMatrix data, long size, FileTime modified) {
        this.file = file;
        this.arena = arena;
        this.data = data;
        this.size = size;
        this.modified = modified;
    }

    static MappedNpy open(Path file, NpyHeader header) throws IOException {
        long size = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        // shared: the fit's worker threads read the segment
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment values = channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset(), header.dataBytes(),
                    arena);
            return new MappedNpy(file, arena, DataMatrix.wrapSegment(values, header.rows(), header.cols(),
                    header.float32()), size, modified);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The mapped values, rows × features. */
    public DataMatrix data() {
        return data;
    }

    /** The file mapped. */
    public Path file() {
        return file;
    }

    /**
     * Throws when the file's size or modification time differ from those it had when mapped: whatever
     * was read from it since may mix old and new values.
     */
    public void checkUnchanged() throws IOException {
        long nowSize = Files.exists(file) ? Files.size(file) : -1;
        FileTime nowModified = nowSize < 0 ? null : Files.getLastModifiedTime(file);
        if (nowSize != size || !modified.equals(nowModified)) {
            throw new IOException(file + " changed while it was mapped (" + (nowSize < 0 ? "deleted"
                    : "now " + nowSize + " bytes, modified " + nowModified + "; was " + size + " bytes, modified "
                    + modified) + "); results read from it may mix old and new values: run again on a file "
                    + "that stays unchanged");
        }
    }

    /** Unmaps the file. */
    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "MappedNpy[" + file + ", " + data + "]";
    }
}
