package dev.gmm.core.spi;

/** The shape of a component's precision factor, as the kernel reads it. */
public enum PrecisionForm {
    /**
     * A D×D upper-triangular factor U, stored row-major, with precision = U·Uᵀ; the kernel computes
     * y = (x−μ)·U, so only entries U[i][j] with i ≤ j are read (sklearn's {@code precisions_cholesky_}
     * for full and tied).
     */
    UPPER_TRIANGULAR,
    /** D positive values s with precision = diag(s²) (diag and spherical). */
    DIAGONAL
}
