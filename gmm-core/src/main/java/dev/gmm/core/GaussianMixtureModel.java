package dev.gmm.core;

import dev.gmm.core.internal.Scoring;
import dev.gmm.core.internal.ScoringPlan;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fitted Gaussian mixture: immutable, thread-safe, with scikit-learn's attributes and methods
 * ({@code weights_}, {@code means_}, {@code covariances_}, {@code precisions_cholesky_},
 * {@code score_samples}, {@code predict}, {@code predict_proba}, {@code sample}, {@code bic},
 * {@code aic}) and the {@link FitReport} of the fit that made it.
 */
public final class GaussianMixtureModel implements MixtureModel {
    private final String covarianceType;
    private final double[] weights;
    private final double[][] means;
    private final CovarianceParameters parameters;
    private final double regCovar;
    private final FitReport report;
    private final MixtureState state;
    /**
     * The covariances' free parameters, as the covariance model counted them when the model was made,
     * so that BIC and AIC need no provider (a model file read where its plugin is not installed); −1 when
     * the provider was not there to ask ({@link #numParameters} then asks it by name).
     */
    private final long covarianceParameterCount;

    private GaussianMixtureModel(String covarianceType, double[] weights, double[][] means,
                                 CovarianceParameters parameters, double regCovar, FitReport report,
                                 long covarianceParameterCount) {
        this.covarianceType = covarianceType;
        this.covarianceParameterCount = covarianceParameterCount;
        this.weights = weights.clone();
        this.means = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            this.means[k] = means[k].clone();
        }
        this.parameters = parameters;
        this.regCovar = regCovar;
        this.report = report;
        double[] flat = new double[means.length * parameters.features()];
        for (int k = 0; k < means.length; k++) {
            System.arraycopy(means[k], 0, flat, k * parameters.features(), parameters.features());
        }
        this.state = new MixtureState(this.weights, flat, parameters);
    }

    /**
     * A model from its parts (what {@code fit} and model readers use). The covariance model registered
     * under {@code covarianceType}, when there is one, counts the covariances' free parameters now; the
     * model keeps the count (see {@link #of(String, double[], double[][], CovarianceParameters, double,
     * FitReport, long)} for a model whose covariance model is not installed).
     *
     * @throws IllegalArgumentException when the shapes disagree or a value is not finite
     */
    public static GaussianMixtureModel of(String covarianceType, double[] weights, double[][] means,
                                          CovarianceParameters parameters, double regCovar, FitReport report) {
        long count = UNCOUNTED;
        if (covarianceType != null && weights.length > 0
                && Plugins.names(CovarianceModel.class).stream().anyMatch(covarianceType::equalsIgnoreCase)) {
            count = Plugins.covarianceModel(covarianceType).covarianceParameterCount(weights.length,
                    parameters.features());
        }
        return checked(covarianceType, weights, means, parameters, regCovar, report, count);
    }

    /** No count yet: {@link #numParameters} asks the covariance model by name. */
    private static final long UNCOUNTED = -1;

    /**
     * A model from its parts and the number of its covariances' free parameters (scikit-learn's
     * {@code cov_params}), which the model keeps: what a reader uses for a file whose covariance model
     * is not installed, so that {@link #numParameters}, {@link #bic} and {@link #aic} need no provider.
     *
     * @param covarianceParameterCount the covariance model's count for K components and D features, ≥ 0
     * @throws IllegalArgumentException when the shapes disagree, a value is not finite or the count is negative
     */
    public static GaussianMixtureModel of(String covarianceType, double[] weights, double[][] means,
                                          CovarianceParameters parameters, double regCovar, FitReport report,
                                          long covarianceParameterCount) {
        if (covarianceParameterCount < 0) {
            throw new IllegalArgumentException("covarianceParameterCount = " + covarianceParameterCount
                    + ": a count of free parameters is >= 0 (the covariance model's covarianceParameterCount(K, D))");
        }
        return checked(covarianceType, weights, means, parameters, regCovar, report, covarianceParameterCount);
    }

    private static GaussianMixtureModel checked(String covarianceType, double[] weights, double[][] means,
                                                CovarianceParameters parameters, double regCovar, FitReport report,
                                                long covarianceParameterCount) {
        int k = weights.length;
        if (k < 1) {
            throw new IllegalArgumentException("a mixture needs at least one component; weights is empty");
        }
        if (means.length != k || parameters.components() != k) {
            throw new IllegalArgumentException(k + " weights but " + means.length + " means and "
                    + parameters.components() + " covariances: give one of each per component");
        }
        int d = parameters.features();
        for (int c = 0; c < k; c++) {
            if (means[c].length != d) {
                throw new IllegalArgumentException("mean " + c + " has " + means[c].length + " values but the "
                        + "covariances are for " + d + " features");
            }
            if (!(weights[c] >= 0) || !Double.isFinite(weights[c])) {
                throw new IllegalArgumentException("weights[" + c + "] = " + weights[c] + ": weights must be finite and >= 0");
            }
            for (double v : means[c]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("mean " + c + " contains " + v + ": means must be finite");
                }
            }
        }
        return new GaussianMixtureModel(covarianceType, weights, means, parameters, regCovar, report,
                covarianceParameterCount);
    }

    /**
     * A model from covariances in the type's scikit-learn shape (e.g. read from a model file); the
     * precision factors are computed from them.
     */
    public static GaussianMixtureModel fromCovariances(String covarianceType, double[] weights, double[][] means,
                                                       ShapedArray covariances, double regCovar, FitReport report) {
        CovarianceModel model = Plugins.covarianceModel(covarianceType);
        int d = means.length == 0 ? 0 : means[0].length;
        return of(covarianceType, weights, means, model.fromCovariances(covariances, weights.length, d), regCovar, report,
                model.covarianceParameterCount(weights.length, d));
    }

    /** The covariance type's name ("full", "tied", "diag", "spherical", or a plugin's). */
    public String covarianceType() {
        return covarianceType;
    }

    /** K. */
    public int components() {
        return weights.length;
    }

    /** D. */
    public int features() {
        return parameters.features();
    }

    /** The regCovar the model was fitted with. */
    public double regCovar() {
        return regCovar;
    }

    /** Mixture weights, K values summing to 1 (sklearn {@code weights_}). */
    public double[] weights() {
        return weights.clone();
    }

    /** Component means, K × D (sklearn {@code means_}). */
    public double[][] means() {
        double[][] m = new double[means.length][];
        for (int k = 0; k < m.length; k++) {
            m[k] = means[k].clone();
        }
        return m;
    }

    /** Covariances in the type's shape (sklearn {@code covariances_}). */
    public ShapedArray covariances() {
        return parameters.covariances();
    }

    /** Component k's covariance as a full D × D matrix, whatever the type. */
    public double[][] covariance(int k) {
        return parameters.fullCovariance(k);
    }

    /** Precision Cholesky factors in the type's shape (sklearn {@code precisions_cholesky_}). */
    public ShapedArray precisionsCholesky() {
        return parameters.precisionsCholesky();
    }

    /**
     * Precision matrices in the type's shape (sklearn {@code precisions_}): U·Uᵀ of each precision
     * Cholesky factor U for full and tied, its square for diag and spherical. What
     * {@code GaussianMixture.Builder.precisionsInit} takes, so a model's parameters can start another fit.
     */
    public ShapedArray precisions() {
        ShapedArray chol = parameters.precisionsCholesky();
        double[] u = chol.values();
        int[] shape = chol.shape();
        double[] p = new double[u.length];
        boolean square = shape.length == 3 || (shape.length == 2 && shape[0] == shape[1]
                && parameters.form() == dev.gmm.core.spi.PrecisionForm.UPPER_TRIANGULAR);
        if (!square) {
            for (int i = 0; i < u.length; i++) {
                p[i] = u[i] * u[i];
            }
            return new ShapedArray(shape, p);
        }
        int d = shape[shape.length - 1];
        for (int o = 0; o < u.length; o += d * d) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int m = 0; m < d; m++) {
                        sum += u[o + i * d + m] * u[o + j * d + m];
                    }
                    p[o + i * d + j] = sum;
                }
            }
        }
        return new ShapedArray(shape, p);
    }

    /** The kernel's view of the parameters (for {@link PartialStatistics}). */
    MixtureState state() {
        return state;
    }

    /** The covariance parameters as the provider made them. */
    public CovarianceParameters parameters() {
        return parameters;
    }

    /** How the fit went; for a model built from parts, what its source said. */
    public FitReport report() {
        return report;
    }

    /** log p(xᵢ) for each row (sklearn {@code score_samples}). */
    public double[] scoreSamples(DataMatrix data) {
        checkData(data);
        double[] ll = new double[data.rows()];
        Scoring.evaluate(data, state, ll, null);
        return ll;
    }

    /** The mean log-likelihood per row (sklearn {@code score}). */
    public double score(DataMatrix data) {
        double[] ll = scoreSamples(data);
        double sum = 0;
        for (double v : ll) {
            sum += v;
        }
        return sum / ll.length;
    }

    /** log rᵢₖ, rows × K (the log of {@link #predictProba}). */
    public double[][] predictLogProba(DataMatrix data) {
        checkData(data);
        int k = components();
        double[] ll = new double[data.rows()];
        double[] lr = new double[data.rows() * k];
        Scoring.evaluate(data, state, ll, lr);
        double[][] out = new double[data.rows()][k];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(lr, i * k, out[i], 0, k);
        }
        return out;
    }

    /** Responsibilities, rows × K, each row summing to 1 (sklearn {@code predict_proba}). */
    public double[][] predictProba(DataMatrix data) {
        double[][] p = predictLogProba(data);
        for (double[] row : p) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k]);
            }
        }
        return p;
    }

    /** The most responsible component of each row (sklearn {@code predict}). */
    public int[] predict(DataMatrix data) {
        checkData(data);
        try (ScoringPlan plan = ScoringPlan.forRows(state, data.rows(), Runtime.getRuntime().availableProcessors())) {
            return plan.predict(data);
        }
    }

    /** Rows per batch when labelling a stream. */
    private static final int STREAM_BATCH = 4096;

    /**
     * Labels rows as they arrive, a batch at a time, so data larger than memory can be labelled
     * from a file or a database cursor. The returned stream is lazy and sequential; its batches are
     * labelled on the consumer's thread, all on one scoring plan (no thread is started).
     */
    public java.util.stream.IntStream predictStream(java.util.stream.Stream<double[]> rows) {
        java.util.Iterator<double[]> source = rows.iterator();
        int d = features();
        // one plan for the whole stream: batches are too small to pay for a pool (or fresh scratch) each time
        ScoringPlan plan = ScoringPlan.sequential(state);
        java.util.PrimitiveIterator.OfInt labels = new java.util.PrimitiveIterator.OfInt() {
            private int[] batch = new int[0];
            private int next;

            @Override
            public boolean hasNext() {
                if (next < batch.length) {
                    return true;
                }
                double[] buffer = new double[STREAM_BATCH * d];
                int n = 0;
                while (n < STREAM_BATCH && source.hasNext()) {
                    double[] row = source.next();
                    if (row.length != d) {
                        throw new IllegalArgumentException("a streamed row has " + row.length
                                + " values, but this model was fitted on " + d + " features");
                    }
                    System.arraycopy(row, 0, buffer, n * d, d);
                    n++;
                }
                if (n == 0) {
                    return false;
                }
                DataMatrix rows = DataMatrix.wrap(java.util.Arrays.copyOf(buffer, n * d), n, d);
                checkData(rows);
                batch = plan.predict(rows);
                next = 0;
                return true;
            }

            @Override
            public int nextInt() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return batch[next++];
            }
        };
        return java.util.stream.StreamSupport.intStream(
                java.util.Spliterators.spliteratorUnknownSize(labels, java.util.Spliterator.ORDERED), false)
                .onClose(() -> {
                    plan.close();
                    rows.close();
                });
    }

    /** Free parameters: covariances + means + K − 1 weights (sklearn {@code _n_parameters}). */
    public long numParameters() {
        int k = components();
        int d = features();
        long covariance = covarianceParameterCount != UNCOUNTED ? covarianceParameterCount
                : Plugins.covarianceModel(covarianceType).covarianceParameterCount(k, d);
        return covariance + (long) k * d + k - 1;
    }

    /** Bayesian information criterion on the data: −2·n·score + p·ln n. Lower is better. */
    public double bic(DataMatrix data) {
        return -2 * score(data) * data.rows() + numParameters() * Math.log(data.rows());
    }

    /** Akaike information criterion on the data: −2·n·score + 2p. Lower is better. */
    public double aic(DataMatrix data) {
        return -2 * score(data) * data.rows() + 2 * numParameters();
    }

    /** Samples drawn from the mixture, with the component each came from. */
    public record Sample(DataMatrix data, int[] components) {
    }

    /**
     * Draws n samples: counts per component from a multinomial over the weights, then each
     * component's rows in turn (scikit-learn's order).
     */
    public Sample sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": the number of samples must be at least 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int k = components();
        int d = features();
        int[] counts = new int[k];
        double total = Arrays.stream(weights).sum();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * total;
            int c = 0;
            while (c < k - 1 && u >= weights[c]) {
                u -= weights[c];
                c++;
            }
            counts[c]++;
        }
        double[] out = new double[n * d];
        int[] labels = new int[n];
        int row = 0;
        double[] z = new double[d];
        for (int c = 0; c < k; c++) {
            double[] l = dev.gmm.core.linalg.Matrices.choleskyLower(flat(parameters.fullCovariance(c)), d);
            if (l == null) {
                throw new IllegalStateException("covariance " + c + " is not positive definite; cannot sample");
            }
            for (int s = 0; s < counts[c]; s++, row++) {
                for (int j = 0; j < d; j++) {
                    z[j] = gaussian(random);
                }
                for (int a = 0; a < d; a++) {
                    double v = means[c][a];
                    for (int b = 0; b <= a; b++) {
                        v += l[a * d + b] * z[b];
                    }
                    out[row * d + a] = v;
                }
                labels[row] = c;
            }
        }
        return new Sample(DataMatrix.wrap(out, n, d), labels);
    }

    private static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }

    private static double[] flat(double[][] m) {
        int d = m.length;
        double[] f = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, f, i * d, d);
        }
        return f;
    }

    private void checkData(DataMatrix data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass the samples as a DataMatrix");
        }
        if (data.cols() != features()) {
            throw new IllegalArgumentException("X has " + data.cols() + " features, but this model was fitted on "
                    + features() + " features: pass data with the training columns");
        }
        data.requireFinite("X");
    }

    @Override
    public String toString() {
        return "GaussianMixtureModel[" + components() + " components, " + covarianceType + ", " + features()
                + " features]";
    }
}
