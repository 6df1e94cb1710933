package dev.gmm.app.internal.bench;

/**
 * One row of {@code gmm bench}: how long one EM iteration took on a workload with a kernel and a
 * storage type, in a warm JVM (Decision 14).
 *
 * @param workload       "W1", "W2"
 * @param rows           samples
 * @param cols           features
 * @param k              components
 * @param kernel         the kernel that ran, as the fit report names it ("simd-8", "scalar")
 * @param storage        "float64" or "float32"
 * @param workers        threads that took part
 * @param iterations     EM iterations per timed fit
 * @param msPerIteration median over the repeats of (fit with N iterations − fit with 0) / N
 * @param firstFitMs     wall time of the row's first fit (initialization and N iterations) before the JIT
 *                       warmed up: what a one-off CLI fit of this shape costs, beside the warm figure
 * @param lowerBound     the final lower bound, to check that kernels agree on the result
 * @param error          why this row could not be measured, or null
 */
public record KernelTiming(String workload, int rows, int cols, int k, String kernel, String storage, int workers,
                           int iterations, double msPerIteration, double firstFitMs, double lowerBound,
                           String error) {
    static KernelTiming failed(BenchWorkload w, String kernel, String storage, String error) {
        return new KernelTiming(w.name(), w.rows(), w.cols(), w.k(), kernel, storage, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, error);
    }

    /** Millions of sample-component pairs evaluated per second (one E-step and M-step each). */
    public double megaPairsPerSecond() {
        return (double) rows * k / (msPerIteration * 1e-3) / 1e6;
    }
}
