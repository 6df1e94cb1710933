package dev.gmm.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Streams rows into a version 1.0 {@code .npy} file ({@link Npy#writer}): the values go out through a
 * 1 MiB buffer as they come, and the header — whose shape is known only at the end — is written over
 * the first {@value #HEADER_BYTES} bytes when the writer closes. Memory does not depend on the number
 * of rows. Until {@link #close()} the file is not a valid .npy file.
 */
public final class NpyWriter implements Closeable {
    /** Preamble plus dict, padded with spaces: room for any shape, and a multiple of 64 so the data are aligned. */
    static final int HEADER_BYTES = 128;

    private final Path file;
    private final int cols;
    private final boolean float32;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;
    private boolean closed;

    NpyWriter(Path file, int cols, boolean float32) throws IOException {
        if (cols < 1) {
            throw new IllegalArgumentException("cols = " + cols + ": rows need at least one value");
        }
        this.file = file;
        this.cols = cols;
        this.float32 = float32;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.position(HEADER_BYTES);
    }

    /** Appends one row of exactly {@code cols} values (rounded to float for a float32 file). */
    public void writeRow(double[] row) throws IOException {
        if (row.length != cols) {
            throw new IllegalArgumentException("a row of " + row.length + " values for a file of " + cols
                    + " columns: every row needs " + cols);
        }
        int bytes = cols * (float32 ? Float.BYTES : Double.BYTES);
        if (buffer.remaining() < bytes) {
            flush();
        }
        if (bytes > buffer.capacity()) {
            ByteBuffer wide = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            put(wide, row);
            channel.write(wide.flip());
        } else {
            put(buffer, row);
        }
        rows++;
    }

    private void put(ByteBuffer to, double[] row) {
        for (double v : row) {
            if (float32) {
                to.putFloat((float) v);
            } else {
                to.putDouble(v);
            }
        }
    }

    /** The rows written so far. */
    public long rows() {
        return rows;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Writes the remaining rows and the header with the final shape. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            flush();
            channel.write(ByteBuffer.wrap(header(rows, cols, float32)), 0);
        }
    }

    static byte[] header(long rows, int cols, boolean float32) {
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }",
                float32 ? "<f4" : "<f8", rows, cols);
        int dictBytes = HEADER_BYTES - 10;
        StringBuilder padded = new StringBuilder(dict);
        while (padded.length() < dictBytes - 1) {
            padded.append(' ');
        }
        padded.append('\n');
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) dictBytes);
        out.put(padded.toString().getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    @Override
    public String toString() {
        return "NpyWriter[" + file + ", " + rows + " x " + cols + (float32 ? ", float32" : "") + "]";
    }
}
