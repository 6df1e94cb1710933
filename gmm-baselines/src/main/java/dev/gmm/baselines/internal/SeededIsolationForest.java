package dev.gmm.baselines.internal;

import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;

import java.util.SplittableRandom;

/**
 * Grows Smile's Isolation Forest so that a seed fixes it, bit for bit.
 *
 * <p>{@code IsolationForest.fit} (Smile 6.2.5) grows its trees in a parallel stream. Each tree draws
 * from {@code MathEx}'s generator of the thread that happens to grow it (one per thread, seeded in
 * the order the threads first ask) and from one JVM-wide {@code GaussianDistribution} that caches
 * every second draw; which thread grows which tree, and who takes the cached draw, change from run
 * to run, so {@code MathEx.setSeed} on the calling thread cannot fix the forest.
 *
 * <p>Here every tree is Smile's own, grown by {@code IsolationForest.fit} with one tree: a parallel
 * stream of one element runs on the calling thread (ForkJoinTask.invoke executes the root task in
 * the caller, and one element is never split). Before each tree the calling thread's generator is
 * seeded with the tree's own seed, drawn in tree order from a {@code SplittableRandom} of the
 * user's seed, and the trees are then joined into one forest, normalised by the number of training
 * rows as Smile's {@code fit} does. A JVM-wide lock keeps two fits from sharing the Gaussian
 * generator's cache at the same time. The price is that the trees of one forest grow one after
 * another instead of in parallel.
 */
public final class SeededIsolationForest {

    /** Smile's Gaussian generator is one per JVM: only one forest may draw from it at a time. */
    private static final Object SMILE_GAUSSIAN_LOCK = new Object();

    private SeededIsolationForest() {
    }

    /**
     * Fits a forest of {@code options.ntrees()} trees whose every random choice follows from {@code seed}.
     *
     * @param rows    the training rows (at least 2, all of one width)
     * @param options Smile's hyperparameters
     * @param seed    the seed of the whole forest
     */
    public static IsolationForest fit(double[][] rows, IsolationForest.Options options, long seed) {
        var oneTree = new IsolationForest.Options(1, options.maxDepth(), options.subsample(),
                options.extensionLevel());
        SplittableRandom treeSeeds = new SplittableRandom(seed);
        IsolationTree[] trees = new IsolationTree[options.ntrees()];
        synchronized (SMILE_GAUSSIAN_LOCK) {
            for (int t = 0; t < trees.length; t++) {
                MathEx.setSeed(treeSeeds.nextLong());
                trees[t] = IsolationForest.fit(rows, oneTree).trees()[0];
            }
        }
        return new IsolationForest(rows.length, rows[0].length, options.extensionLevel(), trees);
    }
}
