package dev.gmm.core.spi;

/**
 * How an {@link Initializer} assigns rows to components before the first M-step, in the three forms
 * scikit-learn's recipes produce. The engine turns any of them into weights, means and covariances by
 * one M-step, exactly as scikit-learn's {@code _initialize} does.
 */
public sealed interface InitialResponsibilities {

    /** Each row belongs wholly to one component (k-means labels). */
    record HardLabels(int[] labels) implements InitialResponsibilities {
    }

    /**
     * Component k is the single row {@code rows[k]} (random_from_data, k-means++): scikit-learn's
     * quirk of near-zero covariances and weights (1 + 10·eps)/n is kept.
     */
    record SingleRows(int[] rows) implements InitialResponsibilities {
    }

    /** Soft responsibilities, N·K row-major, each row summing to 1 (random). */
    record Soft(double[] values, int components) implements InitialResponsibilities {
    }
}
