package dev.gmm.core;

/**
 * A finite row whose log-density leaves double precision (a row near 1e300 has a squared distance
 * that overflows): scoring refuses it, naming the row, rather than returning −Infinity or NaN.
 */
public final class DensityOutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The 0-based row whose log-density left double precision. */
    private final int row;

    /** For {@code row} (0-based), with a {@code message} that names it. */
    public DensityOutOfRangeException(int row, String message) {
        super(message);
        this.row = row;
    }

    /** The 0-based row of the data that could not be scored. */
    public int row() {
        return row;
    }
}
