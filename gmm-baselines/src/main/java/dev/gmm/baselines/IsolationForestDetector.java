package dev.gmm.baselines;

import dev.gmm.baselines.internal.ExtraOptions;
import dev.gmm.baselines.internal.SeededIsolationForest;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.ContaminationThreshold;
import dev.gmm.core.app.spi.FittedDetector;
import smile.anomaly.IsolationForest;

/**
 * The "isolation-forest" detector: Smile's (extended) Isolation Forest. The threshold is the
 * contamination quantile of the training scores: exactly round(contamination × n) training rows
 * are flagged.
 *
 * <p><b>Reproducible:</b> the same data, options and {@code seed} give the same forest and the
 * same scores, bit for bit, on any thread. Smile's own {@code fit} cannot promise that (its trees
 * grow in parallel from per-thread generators), so the trees are grown one by one, each from a
 * seed of its own, in tree order (see the module's README).
 *
 * <p>Smile normalises the score differently from Liu et al.: it returns 2^(−E[h(x)]/c(n)) with n
 * the number of <em>training rows</em>, where the paper divides by c(ψ) for the <em>subsample</em>
 * size ψ each tree is grown on (Smile 6.2.5: the forest is constructed with {@code data.length};
 * the seeded build here keeps that). Scores therefore run lower than the paper's and are comparable within
 * one forest only; ranks, ROC AUC and the flagged set are what to compare across implementations.
 *
 * <p>Extra options: {@code trees} (default 100), {@code subsample} (the share of rows per tree,
 * in (0, 1), default Smile's 0.7), {@code extension_level} (0 = the original axis-parallel
 * forest, up to D − 1; default 0), {@code max_depth} (0, the default, means log2 of the
 * subsample size, as in the paper).
 */
public final class IsolationForestDetector implements AnomalyDetector {

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public IsolationForestDetector() {
    }

    @Override
    public String name() {
        return "isolation-forest";
    }

    @Override
    public String description() {
        return "Isolation Forest from Smile, trees grown from the seed; GPL-3.0-or-later";
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
        IsolationForest forest = SeededIsolationForest.fit(data.toArray(),
                new IsolationForest.Options(trees, maxDepth, subsample, extension), options.seed());
        return new ContaminationThreshold(data.cols(), rows -> forest.score(rows.toArray()),
                forest.score(data.toArray()), options.contamination());
    }
}
