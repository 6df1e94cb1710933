package dev.gmm.baselines;

import dev.gmm.baselines.internal.ContaminationThreshold;
import dev.gmm.baselines.internal.ExtraOptions;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.AnomalyDetector;
import dev.gmm.core.spi.FittedDetector;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * The "isolation-forest" detector: Smile's (extended) Isolation Forest. The threshold is the
 * contamination quantile of the training scores: exactly round(contamination × n) training rows
 * are flagged.
 *
 * <p><b>Not reproducible run to run.</b> Smile grows the trees in parallel, each worker thread
 * drawing from its own unseeded generator, so the {@code seed} (which this class passes to the
 * calling thread's generator) cannot fix the forest: compare it by the mean ± sd over repeated
 * fits. Smile also normalises the score differently from Liu et al.: it returns 2^(−E[h(x)]/c(n))
 * with n the number of <em>training rows</em>, where the paper divides by c(ψ) for the
 * <em>subsample</em> size ψ each tree is grown on (Smile 6.2.5 bytecode: the forest is constructed
 * with {@code data.length}). Scores therefore run lower than the paper's and are comparable within
 * one forest only; ranks, ROC AUC and the flagged set are what to compare across implementations.
 *
 * <p>Extra options: {@code trees} (default 100), {@code subsample} (the share of rows per tree,
 * in (0, 1], default Smile's), {@code extension_level} (0 = the original axis-parallel
 * forest, up to D − 1; default 0), {@code max_depth} (0, the default, means log2 of the
 * subsample size, as in the paper).
 */
public final class IsolationForestDetector implements AnomalyDetector {

    @Override
    public String name() {
        return "isolation-forest";
    }

    @Override
    public String description() {
        return "Isolation Forest from Smile (not reproducible run to run); GPL-3.0";
    }

    @Override
    public FittedDetector fit(DataMatrix data, AnomalyDetector.Options options) {
        data.requireFinite("data");
        ContaminationThreshold.requireTrainingRows(data);
        var defaults = new IsolationForest.Options();
        var extra = options.extra();
        int trees = ExtraOptions.intOption(extra, "trees", defaults.ntrees(), 1);
        int maxDepth = ExtraOptions.intOption(extra, "max_depth", defaults.maxDepth(), 0);
        double subsample = ExtraOptions.fraction(extra, "subsample", defaults.subsample());
        int extension = ExtraOptions.intOption(extra, "extension_level", 0, 0);
        if (extension > data.cols() - 1) {
            throw new IllegalArgumentException("extension_level = " + extension + " but the data has "
                    + data.cols() + " columns: use 0.." + (data.cols() - 1));
        }
        MathEx.setSeed(options.seed());
        IsolationForest forest = IsolationForest.fit(data.toArray(),
                new IsolationForest.Options(trees, maxDepth, subsample, extension));
        return new ContaminationThreshold(data.cols(), rows -> forest.score(rows.toArray()),
                forest.score(data.toArray()), options.contamination());
    }
}
