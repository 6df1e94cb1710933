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
 * One E-step pass over the cached blocks: the model goes out by broadcast, each partition runs the
 * fused kernel over its blocks into one {@link PartialStatistics}, and the partials are added up in
 * partition order. Spark's {@code treeAggregate} adds partials in the order tasks finish, which would
 * make a fit differ from itself in the last bits; here the order is fixed (partials to the driver, or
 * through one keyed level of {@value #FAN_IN}-partition groups, each merged in index order, when there
 * are many partitions), so the same partitioning gives the same model bit for bit.
 */
public final class StatisticsPass {
    /** Partials merged per group before the driver merges the groups. */
    static final int FAN_IN = 32;

    private StatisticsPass() {
    }

    /**
     * The statistics of every row under {@code model}, around {@code shifts} (or the model's means when null).
     * {@code rows} is the row count of all the blocks: every block runs the kernel a fit of that many rows
     * runs on one machine ({@link PartialStatistics#accumulate(GaussianMixtureModel, double[][],
     * dev.gmm.core.DataMatrix, double[], long)}).
     */
    public static PartialStatistics run(JavaRDD<RowBlock> blocks, long rows, GaussianMixtureModel model,
                                        double[][] shifts) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<ModelParts> parts = jsc.broadcast(ModelParts.of(model));
        String type = model.covarianceType();
        try {
            JavaRDD<Tuple2<Integer, double[]>> partials = blocks.mapPartitionsWithIndex(
                    (index, it) -> partitionStatistics(index, it, parts.value(), shifts, rows), true);
            List<Tuple2<Integer, double[]>> ordered = blocks.getNumPartitions() > 2 * FAN_IN
                    ? mergedInGroups(partials, type) : partials.collect();
            PartialStatistics total = null;
            for (Tuple2<Integer, double[]> p : ordered) {
                total = PartialStatistics.fromArray(type, p._2()).mergedInto(total);
            }
            return total;
        } finally {
            parts.destroy();
        }
    }

    private static Iterator<Tuple2<Integer, double[]>> partitionStatistics(int index, Iterator<RowBlock> blocks,
                                                                          ModelParts parts, double[][] shifts,
                                                                          long rows) {
        if (!blocks.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        GaussianMixtureModel model = parts.toModel();
        double[][] around = shifts == null ? model.means() : shifts;
        PartialStatistics total = null;
        while (blocks.hasNext()) {
            RowBlock b = blocks.next();
            total = PartialStatistics.accumulate(model, around, b.matrix(), b.weights(), rows).mergedInto(total);
        }
        return List.of(new Tuple2<>(index, total.toArray())).iterator();
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
