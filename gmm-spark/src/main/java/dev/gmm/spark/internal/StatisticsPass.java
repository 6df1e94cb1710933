package dev.gmm.spark.internal;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.PartialStatistics;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One E-step pass over the cached blocks: the model goes out by broadcast, the kernel runs over each
 * partition's blocks into one {@link PartialStatistics} per partition, and the partials are added up in
 * partition order. Spark's {@code treeAggregate} adds partials in the order tasks finish, which would
 * make a fit differ from itself in the last bits; here the order is fixed (partials to the driver, or
 * through one keyed level of {@value #FAN_IN}-partition groups, each merged in index order, when there
 * are many partitions), so the same partitioning gives the same model bit for bit.
 *
 * <p>The pass runs as many tasks as the cluster has cores, not one per partition
 * ({@link TrainingData#passBlocks}): a task costs Spark a few milliseconds to schedule whatever it holds,
 * paid again every iteration. A task that reads several partitions still returns one partial per
 * partition, summed exactly as its own task would, so how partitions share tasks never shows in a bit.
 */
public final class StatisticsPass {
    /** Partials merged per group before the driver merges the groups. */
    static final int FAN_IN = 32;

    private StatisticsPass() {
    }

    /**
     * The statistics of every row under {@code model}, around {@code shifts} (or the model's means when null).
     * Every block runs the kernel a fit of all {@link TrainingData#rows()} rows runs on one machine
     * ({@link PartialStatistics#accumulate(GaussianMixtureModel, double[][], dev.gmm.core.DataMatrix, double[],
     * long)}).
     */
    public static PartialStatistics run(TrainingData data, GaussianMixtureModel model, double[][] shifts) {
        JavaRDD<Tuple2<Integer, RowBlock>> blocks = data.passBlocks();
        long rows = data.rows();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<ModelParts> parts = jsc.broadcast(ModelParts.of(model));
        String type = model.covarianceType();
        try {
            JavaRDD<Tuple2<Integer, double[]>> partials = blocks.mapPartitions(
                    it -> partitionStatistics(it, parts.value(), shifts, rows), true);
            List<Tuple2<Integer, double[]>> ordered = data.partitions() > 2 * FAN_IN
                    ? mergedInGroups(partials, type) : inPartitionOrder(partials.collect());
            PartialStatistics total = null;
            for (Tuple2<Integer, double[]> p : ordered) {
                total = PartialStatistics.fromArray(type, p._2()).mergedInto(total);
            }
            return total;
        } finally {
            parts.destroy();
        }
    }

    /**
     * One task's blocks, tagged with their partition (a partition's blocks arrive together, in order):
     * one partial per partition, its blocks merged in order.
     */
    private static Iterator<Tuple2<Integer, double[]>> partitionStatistics(Iterator<Tuple2<Integer, RowBlock>> blocks,
                                                                          ModelParts parts, double[][] shifts,
                                                                          long rows) {
        if (!blocks.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        GaussianMixtureModel model = parts.toModel();
        double[][] around = shifts == null ? model.means() : shifts;
        List<Tuple2<Integer, double[]>> out = new ArrayList<>();
        int partition = -1;
        PartialStatistics total = null;
        while (blocks.hasNext()) {
            Tuple2<Integer, RowBlock> tagged = blocks.next();
            if (tagged._1() != partition && total != null) {
                out.add(new Tuple2<>(partition, total.toArray()));
                total = null;
            }
            partition = tagged._1();
            RowBlock b = tagged._2();
            total = PartialStatistics.accumulate(model, around, b.matrix(), b.weights(), rows).mergedInto(total);
        }
        out.add(new Tuple2<>(partition, total.toArray()));
        return out.iterator();
    }

    private static List<Tuple2<Integer, double[]>> inPartitionOrder(List<Tuple2<Integer, double[]>> partials) {
        List<Tuple2<Integer, double[]>> sorted = new ArrayList<>(partials);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        return sorted;
    }

    /** Groups of FAN_IN consecutive partitions merged on executors in index order, returned in group order. */
    private static List<Tuple2<Integer, double[]>> mergedInGroups(JavaRDD<Tuple2<Integer, double[]>> partials,
                                                                  String type) {
        int groups = (partials.getNumPartitions() + FAN_IN - 1) / FAN_IN;
        List<Tuple2<Integer, double[]>> merged = new ArrayList<>(partials
                .mapToPair(p -> new Tuple2<>(p._1() / FAN_IN, p))
                .groupByKey(groups)
                .map(group -> {
                    List<Tuple2<Integer, double[]>> members = new ArrayList<>();
                    group._2().forEach(members::add);
                    members.sort(Comparator.comparing(Tuple2::_1));
                    PartialStatistics sum = null;
                    for (Tuple2<Integer, double[]> m : members) {
                        sum = PartialStatistics.fromArray(type, m._2()).mergedInto(sum);
                    }
                    return new Tuple2<>(group._1(), sum.toArray());
                })
                .collect());
        merged.sort(Comparator.comparing(Tuple2::_1));
        return merged;
    }
}
