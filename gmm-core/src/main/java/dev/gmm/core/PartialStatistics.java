package dev.gmm.core;

import dev.gmm.core.internal.BlockPass;
import dev.gmm.core.internal.EmEngine;
import dev.gmm.core.internal.StatisticsAccumulator;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;

import java.util.Arrays;

/**
 * The sufficient statistics of some rows under a model's parameters: what one worker computes in an
 * EM iteration spread over many machines or many passes (a Spark partition, a segment of a file, a
 * batch of a stream), and what the next M-step needs. Immutable.
 *
 * <p>An iteration, wherever the rows live:
 * <pre>{@code
 * PartialStatistics total = null;
 * for (DataMatrix block : blocks)                         // on workers, in any grouping
 *     total = PartialStatistics.accumulate(model, block, null).mergedInto(total);
 * if (total.needsSecondPass(regCovar))                     // a mean moved far: sums again around the new means
 *     total = ... accumulate(model, total.means(), block, null) over the blocks again ...
 * double lowerBound = total.logLikelihood() / total.totalWeight();
 * GaussianMixtureModel next = total.maximize(regCovar, report);
 * }</pre>
 * Sums are taken around per-component shifts (the model's means, unless given), which keeps the
 * accuracy of centred sums; partials merge only when their shifts are the same. Merging adds in the
 * order the caller chooses, so a fixed order is bit-reproducible; one block holding all the rows gives
 * exactly the statistics {@link GaussianMixture#fit} computes. {@link #toArray()} and
 * {@link #fromArray(String, double[])} are a flat, versioned codec for sending partials between processes.
 */
public final class PartialStatistics {
    /** The codec's layout version (the first value of {@link #toArray()}). */
    public static final int FORMAT_VERSION = 1;
    private static final int HEADER = 7;

    private final String covarianceType;
    private final StatisticsAccumulator sums;
    private final double logLikelihood;
    /** The parameters the statistics were taken under, for an M-step that resumes from them; null after the codec. */
    private final CovarianceParameters previous;

    private PartialStatistics(String covarianceType, StatisticsAccumulator sums, double logLikelihood,
                              CovarianceParameters previous) {
        this.covarianceType = covarianceType;
        this.sums = sums;
        this.logLikelihood = logLikelihood;
        this.previous = previous;
    }

    /** The statistics of {@code rows} under {@code model}, around its means. */
    public static PartialStatistics accumulate(GaussianMixtureModel model, DataMatrix rows, double[] sampleWeights) {
        return accumulate(model, model.means(), rows, sampleWeights);
    }

    /**
     * The statistics of {@code rows} under {@code model}'s parameters (its E-step), with sums around
     * {@code shifts} (K × D): the second pass of an iteration whose first one
     * {@linkplain #needsSecondPass needs it} takes the first one's {@link #means()}.
     *
     * @param sampleWeights per-row weights, or null
     * @throws IllegalArgumentException when the rows, weights or shifts do not fit the model
     */
    public static PartialStatistics accumulate(GaussianMixtureModel model, double[][] shifts, DataMatrix rows,
                                               double[] sampleWeights) {
        return accumulate(model, shifts, rows, sampleWeights, rows.rows());
    }

    /**
     * As {@link #accumulate(GaussianMixtureModel, double[][], DataMatrix, double[])}, for one block of a pass
     * over {@code passRows} rows in all (a Spark partition's block, a chunk of a file): the kernel is chosen
     * for the whole pass's size, as a fit of all those rows on one machine chooses it, so every block of
     * the pass runs the same kernel as that fit — a short last block included — and the pass's statistics
     * follow the single-machine fit's whatever the blocking.
     *
     * @param passRows the rows of the whole pass this block belongs to (at least the block's rows)
     * @throws IllegalArgumentException when the rows, weights or shifts do not fit the model, or
     *                                  {@code passRows} is smaller than the block
     */
    public static PartialStatistics accumulate(GaussianMixtureModel model, double[][] shifts, DataMatrix rows,
                                               double[] sampleWeights, long passRows) {
        if (passRows < rows.rows()) {
            throw new IllegalArgumentException("passRows is " + passRows + " but the block alone has " + rows.rows()
                    + " rows: pass the row count of the whole pass");
        }
        if (rows.cols() != model.features()) {
            throw new IllegalArgumentException("the rows have " + rows.cols() + " columns but the model "
                    + model.features() + " features: pass rows of the data the model is fitted on");
        }
        rows.requireFinite("rows");
        if (sampleWeights != null && sampleWeights.length != rows.rows()) {
            throw new IllegalArgumentException("sampleWeights has " + sampleWeights.length + " values for "
                    + rows.rows() + " rows: pass one weight per row");
        }
        if (shifts.length != model.components()) {
            throw new IllegalArgumentException(shifts.length + " shifts for " + model.components()
                    + " components: pass one point per component");
        }
        double[] flatShifts = new double[model.components() * model.features()];
        for (int k = 0; k < shifts.length; k++) {
            if (shifts[k].length != model.features()) {
                throw new IllegalArgumentException("shift " + k + " has " + shifts[k].length + " values for "
                        + model.features() + " features");
            }
            System.arraycopy(shifts[k], 0, flatShifts, k * model.features(), model.features());
        }
        ScatterKind kind = Plugins.covarianceModel(model.covarianceType()).scatterKind();
        double[] logLikelihood = new double[1];
        StatisticsAccumulator sums = BlockPass.accumulate(rows, sampleWeights, model.state(), kind, flatShifts,
                passRows, logLikelihood);
        return new PartialStatistics(model.covarianceType(), sums, logLikelihood[0], model.parameters());
    }

    /** this + other, in that order (same model, same shifts). */
    public PartialStatistics merge(PartialStatistics other) {
        requireCompatible(other);
        StatisticsAccumulator total = copy(sums);
        total.add(other.sums);
        return new PartialStatistics(covarianceType, total, logLikelihood + other.logLikelihood,
                previous != null ? previous : other.previous);
    }

    /**
     * {@code keep · this + step · other}, every sum re-centred onto {@code other}'s shifts first: the
     * update of stepwise (online) EM, s ← (1 − γ)·s + γ·ŝ, where {@code this} is the running statistic
     * and {@code other} the new batch's, taken under the current model. The shifts of the two may
     * differ (the running sums were taken around earlier models' means); moving sums Σ r(x − c) and
     * Σ r(x − c)(x − c)ᵀ to a shift c' adds Nδ, Fδᵀ + δFᵀ + Nδδᵀ with δ = c − c', which is exact in
     * exact arithmetic and loses little when c' is near c, as consecutive models' means are. The
     * log-likelihood and the total weight blend with the same factors.
     *
     * @param keep the factor of this statistic, finite and ≥ 0
     * @param step the factor of {@code other}, finite and ≥ 0
     * @throws IllegalArgumentException when the two are of different models' shapes or a factor is not finite and ≥ 0
     */
    public PartialStatistics blend(double keep, PartialStatistics other, double step) {
        if (!(keep >= 0) || !(step >= 0) || Double.isInfinite(keep) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("blend factors keep = " + keep + ", step = " + step
                    + ": both must be finite and >= 0 (stepwise EM uses 1 - gamma and gamma)");
        }
        requireSameShape(other);
        StatisticsAccumulator a = sums;
        StatisticsAccumulator b = other.sums;
        int k = a.components();
        int d = a.features();
        StatisticsAccumulator out = new StatisticsAccumulator(k, d, a.kind());
        System.arraycopy(b.rawShifts(), 0, out.rawShifts(), 0, k * d);
        double[] weights = out.rawWeights();
        double[] first = out.rawFirstMoments();
        double[] scatter = out.rawScatter();
        for (int c = 0; c < k; c++) {
            double n = a.rawWeights()[c];
            double[] delta = new double[d];
            double[] f = new double[d];
            for (int j = 0; j < d; j++) {
                delta[j] = a.rawShifts()[c * d + j] - b.rawShifts()[c * d + j];
                f[j] = a.rawFirstMoments()[c * d + j];
            }
            weights[c] = keep * n + step * b.rawWeights()[c];
            for (int j = 0; j < d; j++) {
                first[c * d + j] = keep * (f[j] + n * delta[j]) + step * b.rawFirstMoments()[c * d + j];
            }
            switch (a.kind()) {
                case FULL -> {
                    int o = c * d * d;
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            double moved = a.rawScatter()[o + i * d + j] + f[i] * delta[j] + delta[i] * f[j]
                                    + n * delta[i] * delta[j];
                            scatter[o + i * d + j] = keep * moved + step * b.rawScatter()[o + i * d + j];
                        }
                    }
                }
                case DIAGONAL -> {
                    for (int j = 0; j < d; j++) {
                        double moved = a.rawScatter()[c * d + j] + 2 * f[j] * delta[j] + n * delta[j] * delta[j];
                        scatter[c * d + j] = keep * moved + step * b.rawScatter()[c * d + j];
                    }
                }
                case POOLED -> {
                    // the pooled scatter is Σₖ of each component's sums around its own shift: move each term
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            scatter[i * d + j] += keep * (f[i] * delta[j] + delta[i] * f[j] + n * delta[i] * delta[j]);
                        }
                    }
                }
            }
        }
        if (a.kind() == ScatterKind.POOLED) {
            for (int i = 0; i < d * d; i++) {
                scatter[i] += keep * a.rawScatter()[i] + step * b.rawScatter()[i];
            }
        }
        out.setTotalWeight(keep * a.totalWeight() + step * b.totalWeight());
        return new PartialStatistics(covarianceType, out, keep * logLikelihood + step * other.logLikelihood,
                other.previous != null ? other.previous : previous);
    }

    /** {@code total == null ? this : total.merge(this)}: folds partials left to right. */
    public PartialStatistics mergedInto(PartialStatistics total) {
        return total == null ? this : total.merge(this);
    }

    /** Σ wᵢ log p(xᵢ) over the rows, under the parameters the statistics were taken with. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Σ wᵢ over the rows (their number when unweighted). */
    public double totalWeight() {
        return sums.totalWeight();
    }

    /** The covariance type of the model the statistics were taken under. */
    public String covarianceType() {
        return covarianceType;
    }

    /** The read-only view a covariance model's M-step reads. */
    public SufficientStatistics view() {
        return sums;
    }

    /** The means the next M-step will give, K × D (scikit-learn's Σ r·x / (N + 10·eps)). */
    public double[][] means() {
        double[][] m = new double[sums.components()][];
        for (int k = 0; k < m.length; k++) {
            m[k] = sums.mean(k);
        }
        return m;
    }

    /**
     * Whether the shifted sums cancel enough that the iteration should take them again around
     * {@link #means()} before the M-step — when a mean moved by more than a standard deviation
     * (reg_covar counting as the smallest variance), as the single-machine fit does.
     */
    public boolean needsSecondPass(double regCovar) {
        return sums.cancellation(regCovar) > 1.0;
    }

    /**
     * The M-step: the next model, with the report the caller keeps for the iterations so far. A
     * covariance model whose M-step iterates resumes from the parameters the statistics were taken
     * under (unknown, and so started afresh, for statistics read back by {@link #fromArray}).
     */
    public GaussianMixtureModel maximize(double regCovar, FitReport report) {
        return EmEngine.maximize(covarianceType, sums, regCovar, report, previous);
    }

    /**
     * A flat copy: [version, scatter kind, K, D, Σw, log-likelihood, reserved, Nₖ (K), shifts (K·D),
     * first moments (K·D), scatter (K·D·D, K·D or D·D by kind)]. The covariance type is not in it:
     * pass it to {@link #fromArray}.
     */
    public double[] toArray() {
        double[] w = sums.rawWeights();
        double[] s = sums.rawShifts();
        double[] f = sums.rawFirstMoments();
        double[] q = sums.rawScatter();
        double[] out = new double[HEADER + w.length + s.length + f.length + q.length];
        out[0] = FORMAT_VERSION;
        out[1] = sums.kind().ordinal();
        out[2] = sums.components();
        out[3] = sums.features();
        out[4] = sums.totalWeight();
        out[5] = logLikelihood;
        int o = HEADER;
        for (double[] part : new double[][] {w, s, f, q}) {
            System.arraycopy(part, 0, out, o, part.length);
            o += part.length;
        }
        return out;
    }

    /**
     * The statistics {@link #toArray()} wrote, for a model of {@code covarianceType}.
     *
     * @throws IllegalArgumentException when the array is not such a copy (wrong version, kind or length)
     */
    public static PartialStatistics fromArray(String covarianceType, double[] flat) {
        if (flat == null || flat.length < HEADER || flat[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("not a PartialStatistics array of format " + FORMAT_VERSION
                    + (flat == null || flat.length == 0 ? " (empty)" : " (starts with " + flat[0] + ")"));
        }
        ScatterKind kind = Plugins.covarianceModel(covarianceType).scatterKind();
        if (flat[1] != kind.ordinal()) {
            throw new IllegalArgumentException("the array holds " + ScatterKind.values()[(int) flat[1]]
                    + " statistics but '" + covarianceType + "' needs " + kind);
        }
        int k = (int) flat[2];
        int d = (int) flat[3];
        StatisticsAccumulator sums = new StatisticsAccumulator(k, d, kind);
        int expected = HEADER + k + 2 * k * d + sums.rawScatter().length;
        if (k < 1 || d < 1 || flat.length != expected) {
            throw new IllegalArgumentException("a PartialStatistics array for K=" + k + ", D=" + d + " has "
                    + expected + " values, not " + flat.length);
        }
        int o = HEADER;
        for (double[] part : new double[][] {sums.rawWeights(), sums.rawShifts(), sums.rawFirstMoments(),
                sums.rawScatter()}) {
            System.arraycopy(flat, o, part, 0, part.length);
            o += part.length;
        }
        sums.setTotalWeight(flat[4]);
        return new PartialStatistics(covarianceType, sums, flat[5], null);
    }

    private void requireCompatible(PartialStatistics other) {
        requireSameShape(other);
        if (!Arrays.equals(sums.rawShifts(), other.sums.rawShifts())) {
            throw new IllegalArgumentException("cannot merge statistics taken around different shifts: accumulate"
                    + " every block under the same model (and the same shifts in a second pass)");
        }
    }

    private void requireSameShape(PartialStatistics other) {
        if (!covarianceType.equals(other.covarianceType) || sums.kind() != other.sums.kind()
                || sums.components() != other.sums.components() || sums.features() != other.sums.features()) {
            throw new IllegalArgumentException("cannot merge statistics of a " + sums.components() + "-component '"
                    + covarianceType + "' model with those of a " + other.sums.components() + "-component '"
                    + other.covarianceType + "' model");
        }
    }

    private static StatisticsAccumulator copy(StatisticsAccumulator s) {
        StatisticsAccumulator c = new StatisticsAccumulator(s.components(), s.features(), s.kind());
        System.arraycopy(s.rawShifts(), 0, c.rawShifts(), 0, s.rawShifts().length);
        c.add(s);
        return c;
    }
}
