package dev.gmm.spark.internal;

import dev.gmm.core.Plugins;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The training rows, converted once into cached {@link RowBlock}s (one job, which also finds bad values),
 * with what the driver needs to know of them: rows per block in partition order, D and Σ weights.
 * Close it to drop the cache.
 */
public final class TrainingData implements AutoCloseable {
    private final JavaRDD<RowBlock> blocks;
    private final long[] blockRows;
    private final int features;
    private final double totalWeight;
    private final String kernels;

    private final JavaRDD<Tuple2<Integer, RowBlock>> passBlocks;

    private TrainingData(JavaRDD<RowBlock> blocks, long[] blockRows, int features, double totalWeight, String kernels) {
        this.blocks = blocks;
        JavaRDD<Tuple2<Integer, RowBlock>> tagged = blocks.mapPartitionsWithIndex(
                (partition, it) -> new TaggedBlocks(partition, it), true);
        int cores = blocks.context().defaultParallelism();
        this.passBlocks = blocks.getNumPartitions() > cores ? tagged.coalesce(cores) : tagged;
        this.blockRows = blockRows;
        this.features = features;
        this.totalWeight = totalWeight;
        this.kernels = kernels;
    }

    /**
     * Reads and checks the rows: the first job of a fit.
     *
     * @throws IllegalArgumentException for an empty DataFrame, rows of different lengths, a null or
     *                                  non-finite value or a bad weight (naming the column and the row)
     */
    public static TrainingData load(Dataset<?> data, FeatureColumns columns) {
        FeatureColumns selected = columns.inSelection();
        JavaRDD<RowBlock> blocks = columns.select(data).javaRDD()
                                .mapPartitions(rows -> toBlocks(rows, selected), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<BlockSummary> summaries = blocks.map(BlockSummary::of).collect();
        try {
            return check(blocks, summaries, columns);
        } catch (RuntimeException e) {
            blocks.unpersist(false);
            throw e;
        }
    }

    private static TrainingData check(JavaRDD<RowBlock> blocks, List<BlockSummary> summaries, FeatureColumns columns) {
        long[] counts = new long[summaries.size()];
        long before = 0;
        int width = -1;
        double total = 0;
        TreeSet<String> kernels = new TreeSet<>();
        for (int b = 0; b < counts.length; b++) {
            BlockSummary s = summaries.get(b);
            if (s.problem() != null) {
                throw new IllegalArgumentException("row " + (before + s.rows()) + " (counting from 0): " + s.problem()
                        + "; drop or impute such rows before fitting (e.g. na.drop())");
            }
            if (s.rows() > 0 && width >= 0 && s.cols() != width) {
                throw new IllegalArgumentException("rows have " + width + " and " + s.cols() + " features (near row "
                        + before + "): every row of the feature column needs the same length");
            }
            if (s.rows() > 0) {
                width = s.cols();
            }
            counts[b] = s.rows();
            before += s.rows();
            total += s.weight();
            kernels.add(s.kernel());
        }
        if (before == 0) {
            throw new IllegalArgumentException("the DataFrame is empty: a mixture needs rows to fit");
        }
        if (width == 0) {
            throw new IllegalArgumentException("the rows have no features: give at least one feature column");
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weightCol '" + columns.weightCol() + "' sums to " + total
                    + ": at least one row needs a positive weight");
        }
        return new TrainingData(blocks, counts, width, total, String.join("+", kernels));
    }

    /** One partition's rows as blocks; stops at the first bad row, which its block then names. */
    static Iterator<RowBlock> toBlocks(Iterator<Row> rows, FeatureColumns columns) {
        String kernel = Plugins.kernelName();
        List<RowBlock> out = new ArrayList<>();
        int width = columns.knownWidth();
        double[] values = new double[0];
        double[] weights = columns.weighted() ? new double[RowBlock.MAX_ROWS] : null;
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            Object read = columns.read(row);
            String problem = read instanceof String s ? s : null;
            double[] x = problem == null ? (double[]) read : null;
            if (x != null && width < 0) {
                width = x.length;
            }
            if (x != null && x.length != width) {
                problem = "the features have " + x.length + " values where earlier rows have " + width;
            }
            if (problem == null && weights != null) {
                double w = columns.weight(row);
                if (!(w >= 0) || Double.isInfinite(w)) {
                    problem = "weightCol '" + columns.weightCol() + "' is " + (Double.isNaN(w) ? "null or NaN" : w)
                            + "; weights must be finite and >= 0";
                }
                weights[n] = w;
            }
            if (problem != null) {
                out.add(new RowBlock(null, n, Math.max(width, 0), null, problem, kernel));
                return out.iterator();
            }
            if (values.length == 0) {
                values = new double[RowBlock.MAX_ROWS * width];
            }
            System.arraycopy(x, 0, values, n * width, width);
            if (++n == RowBlock.MAX_ROWS) {
                out.add(new RowBlock(values, n, width, weights, null, kernel));
                values = new double[0];
                weights = weights == null ? null : new double[RowBlock.MAX_ROWS];
                n = 0;
            }
        }
        if (n > 0) {
            out.add(new RowBlock(Arrays.copyOf(values, n * width), n, width,
                    weights == null ? null : Arrays.copyOf(weights, n), null, kernel));
        }
        return out.iterator();
    }

    /** What the driver learns of a block without fetching its rows. */
    record BlockSummary(int rows, int cols, double weight, String problem, String kernel) implements Serializable {
        static BlockSummary of(RowBlock b) {
            return new BlockSummary(b.rows(), b.cols(), b.problem() == null ? b.totalWeight() : 0, b.problem(),
                    b.kernel());
        }
    }

    public JavaRDD<RowBlock> blocks() {
        return blocks;
    }

    /**
     * The cached blocks as an E-step pass reads them: each tagged with its partition, in as many tasks as
     * the cluster has cores (fewer when there are fewer partitions). Coalescing without a shuffle only
     * groups the cached partitions into tasks: every block stays where it is cached and keeps its lineage.
     */
    public JavaRDD<Tuple2<Integer, RowBlock>> passBlocks() {
        return passBlocks;
    }

    /** A partition's blocks, each paired with the partition's index. */
    private record TaggedBlocks(int partition, Iterator<RowBlock> blocks) implements Iterator<Tuple2<Integer, RowBlock>> {
        @Override
        public boolean hasNext() {
            return blocks.hasNext();
        }

        @Override
        public Tuple2<Integer, RowBlock> next() {
            return new Tuple2<>(partition, blocks.next());
        }
    }

    public long rows() {
        return Arrays.stream(blockRows).sum();
    }

    /** Rows of each block, in partition order: where a row's global index lands. */
    public long[] blockRows() {
        return blockRows.clone();
    }

    public int features() {
        return features;
    }

    public double totalWeight() {
        return totalWeight;
    }

    /** The kernels the executors ran, joined by '+' when they differ. */
    public String kernels() {
        return kernels;
    }

    public int partitions() {
        return blocks.getNumPartitions();
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
