package dev.gmm.core.internal;

/**
 * How rows are cut into chunks: a function of the row count alone, never of the thread count, so
 * that per-chunk sums reduced in chunk order give bit-identical results on any number of threads.
 */
public final class RowChunks {
    /** Rows below which a chunk is not worth a task. */
    static final int MIN_ROWS = 2048;
    /** At most this many chunks: bounds the per-chunk statistics kept for the ordered reduction. */
    static final int MAX_CHUNKS = 64;

    private RowChunks() {
    }

    /** The chunk boundaries: chunk c is rows [b[c], b[c+1]). */
    public static int[] bounds(int rows) {
        int chunks = (int) Math.max(1, Math.min(MAX_CHUNKS, (rows + MIN_ROWS - 1L) / MIN_ROWS));
        int[] b = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            b[c] = (int) ((long) rows * c / chunks);
        }
        return b;
    }
}
