package dev.gmm.app.internal.bench;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the kernel this JVM chose (the core picks it once per JVM from {@code -Dgmm.kernel}, so other
 * kernels are timed in a child JVM by {@link ChildJvm}). Per workload and storage type: one warm-up
 * fit, then {@code repeats} pairs of fits from the same start with 0 and with N iterations; the
 * difference divided by N is the time of one EM iteration without the initialization.
 */
public final class KernelBench {
    private final int iterations;
    private final int repeats;
    private final int threads;
    private final ProgressListener progress;

    public KernelBench(int iterations, int repeats, int threads, ProgressListener progress) {
        if (iterations < 1 || repeats < 1 || threads < 1) {
            throw new IllegalArgumentException("--iterations " + iterations + ", --repeats " + repeats + ", --threads "
                    + threads + ": each must be at least 1");
        }
        this.iterations = iterations;
        this.repeats = repeats;
        this.threads = threads;
        this.progress = progress;
    }

    /** Every workload in the given storage types with this JVM's kernel. */
    public List<KernelTiming> run(List<BenchWorkload> workloads, List<String> storages) {
        List<KernelTiming> out = new ArrayList<>();
        progress.start("timing " + storages, (long) workloads.size() * storages.size() * (2L * repeats + 1));
        for (BenchWorkload w : workloads) {
            DataMatrix f64 = w.data();
            for (String storage : storages) {
                DataMatrix x = storage.equals("float32") ? f64.toFloat32() : f64;
                out.add(time(w, x, storage));
            }
        }
        progress.finish();
        return out;
    }

    private KernelTiming time(BenchWorkload w, DataMatrix x, String storage) {
        GaussianMixture.Builder config = GaussianMixture.builder().components(w.k()).covarianceType("full")
                .initMethod("random_from_data").nInit(1).tol(0).seed(w.seed()).threads(threads);
        GaussianMixture start = config.maxIter(0).build();
        GaussianMixture full = config.maxIter(iterations).build();
        long cold = System.nanoTime();
        full.fit(x); // warm-up: JIT compilation and the worker pool, as Decision 14 asks
        double firstFitMs = (System.nanoTime() - cold) / 1e6;
        progress.advance(1);
        double[] ms = new double[repeats];
        GaussianMixtureModel last = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            start.fit(x);
            long t1 = System.nanoTime();
            progress.advance(1);
            last = full.fit(x);
            long t2 = System.nanoTime();
            progress.advance(1);
            int done = Math.max(1, last.report().iterations());
            ms[r] = Math.max(0, (t2 - t1) - (t1 - t0)) / 1e6 / done;
        }
        Arrays.sort(ms);
        return new KernelTiming(w.name(), w.rows(), w.cols(), w.k(), last.report().kernel(), storage,
                last.report().workers(), last.report().iterations(), ms[repeats / 2], firstFitMs, last.report().lowerBound(),
                null);
    }
}
