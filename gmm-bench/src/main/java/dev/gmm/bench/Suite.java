package dev.gmm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole side-by-side suite in one run: every EM benchmark of this module (gmm scalar and SIMD,
 * Smile, Commons Math) with the forks, shots and parameters their annotations give, then the table of
 * seconds per iteration, with scikit-learn's column read from bench_sklearn.py's result files.
 *
 * <pre>GMMBENCH_DATA=/tmp/gmmbench java -cp gmm-bench/target/benchmarks.jar dev.gmm.bench.Suite [regex] [results.json]</pre>
 *
 * The optional regex narrows the benchmarks as JMH's own include does (default: the EM benchmarks);
 * JMH's raw results go to the JSON file (default: jmh-em.json).
 */
public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : "dev\\.gmm\\.bench\\.(EmIteration|Smile|CommonsMath)Benchmark";
        String json = args.length > 1 ? args[1] : "jmh-em.json";
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(include)
                .resultFormat(ResultFormatType.JSON)
                .result(json)
                .build()).run();

        PerIterationTable table = PerIterationTable.of(timings(results));
        String data = System.getenv("GMMBENCH_DATA");
        Path sklearn = Path.of(System.getenv().getOrDefault("GMMBENCH_RESULTS",
                data == null ? System.getProperty("java.io.tmpdir") + "/gmmbench/results" : data + "/results"));
        if (Files.isDirectory(sklearn)) {
            table.withSklearn(sklearn);
        }
        System.out.println();
        System.out.println("Seconds per EM iteration, (t(I2) - t(I1)) / (I2 - I1); scikit-learn from " + sklearn);
        System.out.print(table.markdown());
    }

    /** Every EM benchmark result as a whole-fit time in seconds; other benchmarks are left out. */
    static List<PerIterationTable.Timing> timings(Collection<RunResult> results) {
        List<PerIterationTable.Timing> out = new ArrayList<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String iterations = p.getParam("iterations");
            String workload = p.getParam("workload");
            if (iterations == null || workload == null) {
                continue;
            }
            String covariance = p.getParam("covariance") == null ? "full" : p.getParam("covariance");
            String peer = peer(p.getBenchmark(), p.getParam("threads"));
            double seconds = r.getPrimaryResult().getScore() * secondsPer(p.getTimeUnit());
            out.add(new PerIterationTable.Timing(peer, workload, covariance, Integer.parseInt(iterations), seconds));
        }
        return out;
    }

    static String peer(String benchmark, String threads) {
        String name = switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "simd" -> "gmm SIMD";
            case "simdFloat32" -> "gmm SIMD float32";
            case "scalar" -> "gmm scalar";
            case "smile" -> "Smile";
            case "commonsMath" -> "Commons Math";
            default -> benchmark;
        };
        return threads == null ? name : name + " (" + threads + " thr)";
    }

    private static double secondsPer(TimeUnit unit) {
        return unit.toNanos(1) / 1e9;
    }
}
