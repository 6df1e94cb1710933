package dev.gmm.core;

/**
 * An online fit: a session that takes the data in batches — a stream that never ends, or a file read
 * once — and after each batch hands out an immutable model. Memory is that of one batch plus
 * O(K·D²), whatever the number of rows seen.
 *
 * <pre>{@code
 * OnlineGaussianMixture session = OnlineGaussianMixture.of(
 *         GaussianMixture.builder().components(16).covarianceType("diag").build());
 * for (DataMatrix batch : batches) {
 *     GaussianMixtureModel snapshot = session.partialFit(batch);
 * }
 * }</pre>
 *
 * <p>The algorithm is stepwise EM (Cappé and Moulines 2009, "On-line expectation–maximization
 * algorithm for latent data models"; with mini-batches as in Liang and Klein 2009): the first batch is
 * fitted by ordinary EM with the configuration's start, {@code maxIter} and {@code tol}; then each batch
 * is one E-step under the current model, whose per-row statistics ŝ are blended into the running ones,
 * s ← (1 − γₜ)·s + γₜ·ŝ with γₜ = (t + 2)^−α for the t-th update (t = 0, 1, …), followed by the M-step
 * of s ({@link PartialStatistics#blend}). For α in (0.5, 1] the steps satisfy Σγ = ∞ and Σγ² &lt; ∞, and
 * on data from a fixed distribution the parameters converge to a stationary point of the expected
 * log-likelihood (the population version of the batch EM fixed point) — not to batch EM's estimate
 * on a given finite sample, from which they differ by a noise whose scale falls with γₜ. Smaller α
 * forgets old batches faster (it adapts to drift and leaves early, poor models behind sooner); α = 1
 * weights every batch alike. The default 0.6 is the value Cappé and Moulines and Liang and Klein
 * report working well.
 *
 * <p>Each snapshot's {@link FitReport#lowerBound()} is the mean log-likelihood of the latest batch under
 * the model before it — an estimate on data that model had not seen; {@link FitReport#iterations()}
 * counts the batches, {@link FitReport#converged()} is false (a stream does not converge), and the
 * trace holds the first batch's EM only. A session is safe to use from several threads (its methods
 * are synchronized), though batches are then absorbed in whatever order the threads arrive.
 */
public final class OnlineGaussianMixture {
    /** The default step exponent α. */
    public static final double DEFAULT_STEP_EXPONENT = 0.6;

    private final GaussianMixture config;
    private final double stepExponent;
    private PartialStatistics running;
    private GaussianMixtureModel model;
    private int batches;
    private long rowsSeen;
    private long elapsedNanos;

    private OnlineGaussianMixture(GaussianMixture config, double stepExponent) {
        this.config = config;
        this.stepExponent = stepExponent;
    }

    /** A session with the default step exponent. */
    public static OnlineGaussianMixture of(GaussianMixture config) {
        return of(config, DEFAULT_STEP_EXPONENT);
    }

    /**
     * A session for {@code config} (components, covariance type, reg_covar, and the start, maxIter and
     * tol of the first batch's EM).
     *
     * @param stepExponent α in (0.5, 1]: γₜ = (t + 2)^−α
     */
    public static OnlineGaussianMixture of(GaussianMixture config, double stepExponent) {
        if (config == null) {
            throw new IllegalArgumentException("config is null: pass the GaussianMixture configuration to fit online");
        }
        if (!(stepExponent > 0.5 && stepExponent <= 1)) {
            throw new IllegalArgumentException("stepExponent = " + stepExponent
                    + ": the step exponent alpha must be in (0.5, 1] (default " + DEFAULT_STEP_EXPONENT
                    + "), so that the steps (t + 2)^-alpha sum to infinity while their squares do not");
        }
        return new OnlineGaussianMixture(config, stepExponent);
    }

    /** Absorbs one batch of rows and returns the model after it. */
    public GaussianMixtureModel partialFit(DataMatrix batch) {
        return partialFit(batch, null);
    }

    /**
     * Absorbs one batch of weighted rows and returns the model after it.
     *
     * @param sampleWeights one weight per row, or null
     * @throws IllegalArgumentException when the batch does not fit the session (its columns, or fewer
     *                                  rows than components in the first batch)
     */
    public synchronized GaussianMixtureModel partialFit(DataMatrix batch, double[] sampleWeights) {
        if (batch == null) {
            throw new IllegalArgumentException("batch is null: pass the next rows as a DataMatrix");
        }
        long started = System.nanoTime();
        if (model == null) {
            GaussianMixtureModel first = sampleWeights == null ? config.fit(batch) : config.fit(batch, sampleWeights);
            PartialStatistics s = PartialStatistics.accumulate(first, batch, sampleWeights);
            running = s.blend(0, s, 1 / s.totalWeight());
            elapsedNanos += System.nanoTime() - started;
            batches = 1;
            rowsSeen = batch.rows();
            model = running.maximize(config.regCovar(), report(first.report().lowerBound(),
                    first.report().lowerBoundTrace()));
            return model;
        }
        if (batch.cols() != model.features()) {
            throw new IllegalArgumentException("the batch has " + batch.cols() + " columns but the session fits "
                    + model.features() + " features: pass rows of the same data");
        }
        PartialStatistics s = PartialStatistics.accumulate(model, batch, sampleWeights);
        double gamma = step(batches - 1);
        running = running.blend(1 - gamma, s, gamma / s.totalWeight());
        elapsedNanos += System.nanoTime() - started;
        batches++;
        rowsSeen += batch.rows();
        model = running.maximize(config.regCovar(),
                report(s.logLikelihood() / s.totalWeight(), model.report().lowerBoundTrace()));
        return model;
    }

    /** γₜ = (t + 2)^−α, the weight of the t-th update's batch (t = 0 for the second batch). */
    public double step(int t) {
        return Math.pow(t + 2, -stepExponent);
    }

    private FitReport report(double batchLogLikelihood, double[] trace) {
        return new FitReport(false, batches, batchLogLikelihood, trace, 0,
                dev.gmm.core.internal.kernel.Kernels.active().name(), 1, elapsedNanos);
    }

    /**
     * The model after the last batch.
     *
     * @throws IllegalStateException before the first batch
     */
    public synchronized GaussianMixtureModel model() {
        if (model == null) {
            throw new IllegalStateException("no batch yet: call partialFit with the first rows before asking for the model");
        }
        return model;
    }

    /** The batches absorbed so far. */
    public synchronized int batches() {
        return batches;
    }

    /** The rows absorbed so far. */
    public synchronized long rowsSeen() {
        return rowsSeen;
    }

    /** The step exponent α. */
    public double stepExponent() {
        return stepExponent;
    }
}
