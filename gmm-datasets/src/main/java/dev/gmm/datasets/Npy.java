package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * NumPy {@code .npy} files, the format Python users already have ({@code numpy.save}): format versions
 * 1.0, 2.0 and 3.0, little-endian float64 ({@code <f8}) or float32 ({@code <f4}), C order, shape
 * (rows, features) or (rows,). Anything else — Fortran order, big-endian or other dtypes, a file
 * shorter or longer than its header says — is an {@link IOException} that names the file, what it
 * holds and what was expected.
 *
 * <p>{@link #map} maps the values instead of reading them, for data larger than the heap: the fit reads
 * the file through the page cache, one block of rows at a time. {@link #read} copies them onto the
 * heap. {@link #writer} writes rows as they come, so a file of any length is written in bounded memory.
 */
public final class Npy {
    private Npy() {
    }

    /** The shape and dtype of an .npy file: what {@link #map} and {@link #read} would give. */
    public record Info(int rows, int cols, boolean float32, int formatVersion) {
    }

    /** Reads and checks the header, and that the file's length matches it. */
    public static Info info(Path file) throws IOException {
        NpyHeader h = header(file);
        return new Info(h.rows(), h.cols(), h.float32(), h.version());
    }

    /**
     * Maps the file's values into memory (read-only). The mapping stays valid until the returned handle
     * is closed; see {@link MappedNpy} for what happens when the file changes meanwhile.
     */
    public static MappedNpy map(Path file) throws IOException {
        NpyHeader h = header(file);
        return MappedNpy.open(file, h);
    }

    /** Reads the whole file onto the heap, float64 or float32 as stored. */
    public static DataMatrix read(Path file) throws IOException {
        NpyHeader h = header(file);
        long values = (long) h.rows() * h.cols();
        if (values > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " holds " + values + " values, more than one Java array can; map it with "
                    + "Npy.map (gmm fit --data " + file.getFileName() + " does)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofShared()) {
            MemorySegment data = channel.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), h.dataBytes(), arena);
            DataMatrix view = DataMatrix.wrapSegment(data, h.rows(), h.cols(), h.float32());
            return h.float32() ? view.toFloat32() : view.toFloat64();
        }
    }

    /** Writes a matrix as a version 1.0 .npy file, float32 or float64 as it is stored. */
    public static void write(Path file, DataMatrix data) throws IOException {
        write(file, data, data.isFloat32());
    }

    /** Writes a matrix as a version 1.0 .npy file of float32 ({@code <f4}) or float64 ({@code <f8}) values. */
    public static void write(Path file, DataMatrix data, boolean float32) throws IOException {
        try (NpyWriter writer = writer(file, data.cols(), float32)) {
            double[] row = new double[data.cols()];
            for (int i = 0; i < data.rows(); i++) {
                data.copyRow(i, row, 0);
                writer.writeRow(row);
            }
        }
    }

    /** A writer that streams rows of {@code cols} values into {@code file}; the shape is written when it closes. */
    public static NpyWriter writer(Path file, int cols, boolean float32) throws IOException {
        return new NpyWriter(file, cols, float32);
    }

    /** The header of {@code file}, checked against the file's length. */
    static NpyHeader header(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(12);
            long[] preamble = NpyHeader.preamble(file, start, start.length);
            long offset = preamble[0];
            long length = preamble[1];
            if (length > NpyHeader.MAX_HEADER_BYTES) {
                throw new IOException(file + ": the .npy header claims " + length + " bytes; expected at most "
                        + NpyHeader.MAX_HEADER_BYTES + " (numpy.save writes a few hundred)");
            }
            if (offset + length > size) {
                throw new IOException(file + " is truncated inside its .npy header: the header claims " + length
                        + " bytes but the file has " + size + " in all");
            }
            byte[] dict = new byte[(int) length];
            int extra = start.length - (int) offset; // a version-1 preamble is 10 bytes: 2 of the 12 read are the dict's
            System.arraycopy(start, (int) offset, dict, 0, Math.min(extra, dict.length));
            if (dict.length > extra) {
                in.readNBytes(dict, extra, dict.length - extra);
            }
            NpyHeader h = NpyHeader.parse(file, start[6], dict, offset);
            long data = size - h.dataOffset();
            if (data < h.dataBytes()) {
                throw new IOException(file + " is truncated: its header says " + h.describe() + ", " + h.dataBytes()
                        + " bytes of values, but only " + data + " bytes follow the header; expected the whole "
                        + "file numpy.save wrote");
            }
            if (data > h.dataBytes()) {
                throw new IOException(file + ": its header says " + h.describe() + ", " + h.dataBytes()
                        + " bytes of values, but " + data + " bytes follow the header; the header does not describe "
                        + "the data (expected exactly " + h.dataBytes() + " bytes after it)");
            }
            return h;
        }
    }
}
