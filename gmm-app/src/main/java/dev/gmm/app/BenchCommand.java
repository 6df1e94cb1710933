package dev.gmm.app;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gmm.app.internal.ConsoleProgress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.gmm.app.internal.bench.BenchWorkload;
import dev.gmm.app.internal.bench.ChildJvm;
import dev.gmm.app.internal.bench.KernelBench;
import dev.gmm.app.internal.bench.KernelTiming;
import dev.gmm.core.Plugins;
import dev.gmm.core.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gmm bench}: a quick table timing gmm's own EM kernels — the one this JVM uses (SIMD when the
 * Vector API is there) in float64 and float32 storage, and the scalar reference in a child JVM
 * started with {@code -Dgmm.kernel=scalar} — on generated W1- and W2-shaped workloads. Times are per
 * EM iteration in a warm JVM. Peers (Smile, Commons Math, sklearn) are compared in gmm-bench's JMH
 * suite, not here (Decision 8).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time gmm's EM kernels (SIMD, scalar, float32) on generated W1/W2-shaped workloads.")
final class BenchCommand implements Callable<Integer> {
    /** Rows as JSON with snake_case keys, like every JSON the app prints (Decision 7). */
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Option(names = "--rows-scale", defaultValue = "1", description = "Multiply the workloads' rows (default 1: W1 100,000 x 2 K3, W2 50,000 x 16 K16).")
    double rowsScale;
    @Option(names = "--iterations", defaultValue = "5", description = "EM iterations per timed fit (default 5).")
    int iterations;
    @Option(names = "--repeats", defaultValue = "3", description = "Timed fits per row; the median is shown (default 3).")
    int repeats;
    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;
    @Option(names = "--no-scalar", description = "Skip the scalar kernel's child JVM.")
    boolean noScalar;
    @Option(names = "--json", description = "Print the rows as JSON instead of a table.")
    boolean json;
    /** Set on the child JVM: time this JVM's kernel in float64 only and print JSON. */
    @Option(names = "--child", hidden = true)
    boolean child;

    /**
     * Times the kernel this JVM loaded whatever the workload's size: without -Dgmm.kernel the core
     * would run small workloads on the scalar kernel (Kernels.forWork), which is not what this row is for.
     */
    private static List<KernelTiming> timeThisJvmsKernel(KernelBench bench, List<BenchWorkload> workloads)
            throws Exception {
        String forced = System.getProperty("gmm.kernel");
        if (forced == null) {
            System.setProperty("gmm.kernel", Plugins.kernelName().startsWith("simd") ? "simd" : "scalar");
        }
        try {
            return bench.run(workloads, List.of("float64", "float32"));
        } finally {
            if (forced == null) {
                System.clearProperty("gmm.kernel");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        List<BenchWorkload> workloads = BenchWorkload.defaults(rowsScale);
        ProgressListener progress = child ? ProgressListener.NONE : ConsoleProgress.forConsole();
        KernelBench bench = new KernelBench(iterations, repeats, workers, progress);
        if (child) {
            System.out.println(JSON.writeValueAsString(bench.run(workloads, List.of("float64"))));
            return 0;
        }
        List<KernelTiming> rows = new ArrayList<>(timeThisJvmsKernel(bench, workloads));
        if (!noScalar && !Plugins.kernelName().equals("scalar")) {
            rows.addAll(scalarInChildJvm(workloads, workers));
        }
        rows.sort(java.util.Comparator.comparing(KernelTiming::workload));
        if (json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            System.out.print(table(rows));
        }
        return 0;
    }

    private List<KernelTiming> scalarInChildJvm(List<BenchWorkload> workloads, int workers) throws Exception {
        List<String> args = List.of("bench", "--child", "--rows-scale", Double.toString(rowsScale), "--iterations",
                Integer.toString(iterations), "--repeats", Integer.toString(repeats), "--threads",
                Integer.toString(workers));
        System.err.println("timing the scalar kernel in a child JVM (-Dgmm.kernel=scalar)...");
        ChildJvm.Result r = ChildJvm.run(Main.class, List.of("gmm.kernel=scalar"), args);
        if (r.exitCode() != 0) {
            String why = "child JVM exited with " + r.exitCode() + ": " + r.errorText();
            return workloads.stream().map(w -> new KernelTiming(w.name(), w.rows(), w.cols(), w.k(), "scalar",
                    "float64", 0, 0, Double.NaN, Double.NaN, Double.NaN, why)).toList();
        }
        return JSON.readValue(r.stdout(), new TypeReference<List<KernelTiming>>() { });
    }

    /** A fixed-width table; the last column compares each row with the scalar float64 row of its workload. */
    static String table(List<KernelTiming> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %8s %4s %4s  %-10s %-8s %7s %13s %14s %10s %14s  %s%n", "workload",
                "rows", "D", "K", "kernel", "storage", "workers", "ms/iteration", "Mpairs/s", "vs scalar",
                "first fit ms", "lower bound"));
        for (KernelTiming t : rows) {
            if (t.error() != null) {
                sb.append(String.format(Locale.ROOT, "%-8s %8d %4d %4d  %-10s %-8s  failed: %s%n", t.workload(),
                        t.rows(), t.cols(), t.k(), t.kernel(), t.storage(), t.error()));
                continue;
            }
            double scalar = rows.stream().filter(o -> o.workload().equals(t.workload()) && o.kernel().equals("scalar")
                    && o.storage().equals("float64") && o.error() == null).mapToDouble(KernelTiming::msPerIteration)
                    .findFirst().orElse(Double.NaN);
            String speedup = Double.isNaN(scalar) ? "-" : String.format(Locale.ROOT, "%.2fx", scalar / t.msPerIteration());
            sb.append(String.format(Locale.ROOT, "%-8s %8d %4d %4d  %-10s %-8s %7d %13.3f %14.1f %10s %14.1f  %.6f%n",
                    t.workload(), t.rows(), t.cols(), t.k(), t.kernel(), t.storage(), t.workers(), t.msPerIteration(),
                    t.megaPairsPerSecond(), speedup, t.firstFitMs(), t.lowerBound()));
        }
        sb.append(String.format(Locale.ROOT, "(full covariance, random_from_data start; ms/iteration: median over the "
                + "timed fits after one warm-up fit, initialization subtracted; first fit ms: that warm-up fit, cold JIT; "
                + "scalar timed in a child JVM with -Dgmm.kernel=scalar; JMH numbers: gmm-bench)%n"));
        return sb.toString();
    }
}
