package dev.gmm.spark.bench;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.spark.SparkGaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * gmm-spark against MLlib's GaussianMixture, side by side in one SparkSession on one cached DataFrame:
 * seconds per EM iteration (a fit of 1 + N iterations minus a fit of 1, over N, the faster of two runs
 * each: the start and the caching cancel) and the wall time of a whole fit with each one's defaults (gmm: k-means start, tol 1e-3; MLlib:
 * its random start, tol 0.01), K 16, full covariances. Prints one Markdown row per data size.
 * Not a test: run by gmm-spark/scripts/bench.sh (Decision 22), never in CI.
 *
 * <p>Arguments: master (local[1] or local[2]), extra iterations N, then row counts (e.g. 1000000 200000).
 */
public final class SparkVsMllib {
    private static final int D = 16;
    private static final int K = 16;

    private SparkVsMllib() {
    }

    public static void main(String[] args) {
        String master = args[0];
        int extra = Integer.parseInt(args[1]);
        SparkSession spark = SparkSession.builder().master(master).appName("gmm-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        int cores = spark.sparkContext().defaultParallelism();
        System.out.println("| rows × D, K | cores | gmm-spark s/iter | MLlib s/iter | speed-up | gmm-spark whole fit | MLlib whole fit |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int a = 2; a < args.length; a++) {
            int rows = Integer.parseInt(args[a]);
            // the same rows for any core count: four generator slices, whatever the parallelism
            Dataset<Row> data = blobs(spark, rows, 4).cache();
            data.count();
            // warm-up: JIT and first-job costs are not an iteration's
            new SparkGaussianMixture().setK(K).setMaxIter(1).fit(data);
            new GaussianMixture().setK(K).setMaxIter(1).fit(data);
            double[] gmm = gmmSpark(data, extra);
            double[] mllib = mllib(data, extra);
            System.out.println(String.format(Locale.ROOT,
                    "| %d × %d, K %d full | %d | %.3f | %.3f | %.0f× | %.1f s (%d iter, mean log-lik %.4f) | %.1f s (%d iter, mean log-lik %.4f) |",
                    rows, D, K, cores, gmm[0], mllib[0], mllib[0] / gmm[0], gmm[1], (int) gmm[2], gmm[3], mllib[1],
                    (int) mllib[2], mllib[3]));
            data.unpersist();
        }
        spark.stop();
    }

    /** 16 well-separated Gaussian blobs in 16-D, seeded, as a Vector column. */
    static Dataset<Row> blobs(SparkSession spark, int rows, int partitions) {
        SplittableRandom centres = new SplittableRandom(42);
        double[][] c = new double[K][D];
        for (double[] centre : c) {
            for (int j = 0; j < D; j++) {
                centre[j] = centres.nextDouble(-20, 20);
            }
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("features", new VectorUDT(), false, Metadata.empty())});
        int per = (rows + partitions - 1) / partitions;
        List<Integer> slices = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            slices.add(p);
        }
        return spark.createDataFrame(org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(slices, partitions).flatMap(p -> {
                    SplittableRandom r = new SplittableRandom(1000 + p);
                    List<Row> out = new ArrayList<>();
                    for (int i = p * per; i < Math.min(rows, (p + 1) * per); i++) {
                        double[] x = new double[D];
                        double[] centre = c[r.nextInt(K)];
                        for (int j = 0; j < D; j++) {
                            x[j] = centre[j] + r.nextGaussian() * (1 + j % 3);
                        }
                        out.add(RowFactory.create(Vectors.dense(x)));
                    }
                    return out.iterator();
                }), schema);
    }

    /** [s per iteration, whole-fit seconds, its iterations, its mean log-likelihood] */
    static double[] gmmSpark(Dataset<Row> data, int extra) {
        // an iteration costs milliseconds here: more of them, so that they outweigh the noise of the rest
        int iterations = Math.max(extra, 10);
        SparkGaussianMixture fixed = new SparkGaussianMixture().setK(K).setTol(0).setSeed(1);
        double one = seconds(() -> fixed.setMaxIter(1).fit(data));
        double more = seconds(() -> fixed.setMaxIter(1 + iterations).fit(data));
        long t = System.nanoTime();
        GaussianMixtureModel m = new SparkGaussianMixture().setK(K).setSeed(1).fit(data).gmm();
        double whole = (System.nanoTime() - t) / 1e9;
        return new double[] {(more - one) / iterations, whole, m.report().iterations(), m.report().lowerBound()};
    }

    static double[] mllib(Dataset<Row> data, int extra) {
        GaussianMixture fixed = new GaussianMixture().setK(K).setTol(0).setSeed(1);
        double one = seconds(() -> fixed.setMaxIter(1).fit(data));
        double more = seconds(() -> fixed.setMaxIter(1 + extra).fit(data));
        long t = System.nanoTime();
        var m = new GaussianMixture().setK(K).setSeed(1).fit(data);
        double whole = (System.nanoTime() - t) / 1e9;
        return new double[] {(more - one) / extra, whole, m.summary().numIter(),
                m.summary().logLikelihood() / data.count()};
    }

    /** The faster of two runs: the other engineers' builds only ever add time. */
    private static double seconds(Runnable fit) {
        double best = Double.POSITIVE_INFINITY;
        for (int run = 0; run < 2; run++) {
            long t = System.nanoTime();
            fit.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }
}
