package dev.gmm.spark;

import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.IterationListener;
import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.Initializer;
import dev.gmm.spark.internal.ColumnParams;
import dev.gmm.spark.internal.FeatureColumns;
import dev.gmm.spark.internal.ParamsFiles;
import dev.gmm.spark.internal.SparkEm;
import dev.gmm.spark.internal.TrainingData;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A Gaussian mixture fitted by gmm's EM on Spark: a Spark ML {@code Estimator} with scikit-learn's
 * semantics and Spark's param names. Each partition runs gmm's fused kernel over its rows into partial
 * sufficient statistics; they are added in a fixed order and the driver runs the covariance model's
 * M-step. The same start gives the iterations {@code GaussianMixture.fit} gives on one machine.
 *
 * <pre>{@code
 * SparkGaussianMixtureModel model = new SparkGaussianMixture()
 *         .setK(16).setCovarianceType("full").setSeed(42)
 *         .setInputCols(new String[] {"x", "y", "z"})
 *         .fit(df);
 * model.transform(df).select("prediction", "probability", "logDensity");
 * }</pre>
 *
 * <p>Params: {@code k}, {@code covarianceType} (any registered covariance model, plugins included),
 * {@code tol}, {@code maxIter}, {@code regCovar}, {@code nInit}, {@code initMode} (any registered
 * initializer) and {@code initSampleSize}, {@code seed}, the explicit start {@code weightsInit},
 * {@code meansInit}, {@code precisionsInit}, and the columns {@code featuresCol} (a Vector or array
 * column) or {@code inputCols} (numeric columns), {@code weightCol}, {@code predictionCol},
 * {@code probabilityCol}, {@code logDensityCol}.
 *
 * <p>The start: the initializer runs on the driver over all rows when there are at most
 * {@code initSampleSize} (then it is exactly the single-machine start), otherwise over a seeded uniform
 * sample of that many rows. The fit caches its rows (converted once to row-major blocks) and drops them
 * when done. Bad input — a missing or non-numeric column before any job, a null or non-finite value, a
 * bad weight, an empty DataFrame or {@code k} above the row count after the first (reading) job — is an
 * {@link IllegalArgumentException} naming the column, row or problem.
 *
 * @serial exclude
 */
public final class SparkGaussianMixture extends Estimator<SparkGaussianMixtureModel> implements MLWritable {
    private final String uid;
    private final ColumnParams columns;
    private final IntParam k;
    private final Param<String> covarianceType;
    private final DoubleParam tol;
    private final IntParam maxIter;
    private final DoubleParam regCovar;
    private final IntParam nInit;
    private final Param<String> initMode;
    private final IntParam initSampleSize;
    private final LongParam seed;
    private final DoubleArrayParam weightsInit;
    private final DoubleArrayArrayParam meansInit;
    private final DoubleArrayParam precisionsInit;
    /** Not a param: code to call, so neither saved nor copied (as GaussianMixture's listener). */
    private transient IterationListener listener;

    /** With a random uid and every param at its default. */
    public SparkGaussianMixture() {
        this(Identifiable.randomUID("gmm"));
    }

    /** With a given uid (what Spark's copy and readers use). */
    public SparkGaussianMixture(String uid) {
        this.uid = uid;
        columns = new ColumnParams(this);
        k = new IntParam(this, "k", "the number of mixture components (scikit-learn n_components), >= 1");
        covarianceType = new Param<>(this, "covarianceType",
                "full, tied, diag, spherical or any registered covariance model");
        tol = new DoubleParam(this, "tol", "convergence threshold on the change of the lower bound, >= 0");
        maxIter = new IntParam(this, "maxIter", "EM iterations per start at most, >= 0 (0 returns the start)");
        regCovar = new DoubleParam(this, "regCovar", "added to the diagonal of every covariance, >= 0");
        nInit = new IntParam(this, "nInit", "starts to run; the one with the best lower bound is kept, >= 1");
        initMode = new Param<>(this, "initMode", "kmeans, k-means++, random, random_from_data or a registered initializer");
        initSampleSize = new IntParam(this, "initSampleSize",
                "at most this many rows (a seeded uniform sample) reach the initializer, >= k");
        seed = new LongParam(this, "seed", "the seed of every random choice");
        weightsInit = new DoubleArrayParam(this, "weightsInit", "start weights (K), or unset");
        meansInit = new DoubleArrayArrayParam(this, "meansInit", "start means (K x D), or unset");
        precisionsInit = new DoubleArrayParam(this, "precisionsInit",
                "start precisions, flat row-major in the covariance type's scikit-learn shape, or unset");
        setDefault(k, 2);
        setDefault(covarianceType, "full");
        setDefault(tol, 1e-3);
        setDefault(maxIter, 100);
        setDefault(regCovar, 1e-6);
        setDefault(nInit, 1);
        setDefault(initMode, "kmeans");
        setDefault(initSampleSize, 100_000);
        setDefault(seed, 0L);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The {@code k} param: the number of mixture components (scikit-learn's n_components); default 2. */
    public IntParam k() { return k; }
    /** The {@code covarianceType} param: full, tied, diag, spherical or any registered covariance model; default full. */
    public Param<String> covarianceType() { return covarianceType; }
    /** The {@code tol} param: the convergence threshold on the change of the lower bound; default 1e-3. */
    public DoubleParam tol() { return tol; }
    /** The {@code maxIter} param: the most EM iterations per start (0 returns the start); default 100. */
    public IntParam maxIter() { return maxIter; }
    /** The {@code regCovar} param: the value added to the diagonal of every covariance; default 1e-6. */
    public DoubleParam regCovar() { return regCovar; }
    /** The {@code nInit} param: how many starts run; the best lower bound is kept; default 1. */
    public IntParam nInit() { return nInit; }
    /** The {@code initMode} param: kmeans, k-means++, random, random_from_data or a registered initializer; default kmeans. */
    public Param<String> initMode() { return initMode; }
    /** The {@code initSampleSize} param: at most this many rows (a seeded uniform sample) reach the initializer; default 100,000. */
    public IntParam initSampleSize() { return initSampleSize; }
    /** The {@code seed} param: the seed of every random choice; default 0. */
    public LongParam seed() { return seed; }
    /** The {@code weightsInit} param: start weights (K), or unset. */
    public DoubleArrayParam weightsInit() { return weightsInit; }
    /** The {@code meansInit} param: start means (K × D), or unset. */
    public DoubleArrayArrayParam meansInit() { return meansInit; }
    /** The {@code precisionsInit} param: start precisions, flat row-major in the covariance type's scikit-learn shape, or unset. */
    public DoubleArrayParam precisionsInit() { return precisionsInit; }
    /** The {@code featuresCol} param: the features, a Vector or array&lt;double&gt; column; default "features". */
    public Param<String> featuresCol() { return columns.featuresCol; }
    /** The {@code inputCols} param: plain numeric feature columns, read instead of featuresCol when set. */
    public StringArrayParam inputCols() { return columns.inputCols; }
    /** The {@code weightCol} param: a numeric column of sample weights; none when empty (the default). */
    public Param<String> weightCol() { return columns.weightCol; }
    /** The {@code predictionCol} param: the output column of the most probable component; default "prediction", left out when empty. */
    public Param<String> predictionCol() { return columns.predictionCol; }
    /** The {@code probabilityCol} param: the output column of the posterior probabilities; default "probability", left out when empty. */
    public Param<String> probabilityCol() { return columns.probabilityCol; }
    /** The {@code logDensityCol} param: the output column of each row's log-density (score_samples); default "logDensity", left out when empty. */
    public Param<String> logDensityCol() { return columns.logDensityCol; }

    /** Sets {@link #k()}. */
    public SparkGaussianMixture setK(int value) { set(k, value); return this; }
    /** Sets {@link #covarianceType()}. */
    public SparkGaussianMixture setCovarianceType(String value) { set(covarianceType, value); return this; }
    /** Sets {@link #tol()}. */
    public SparkGaussianMixture setTol(double value) { set(tol, value); return this; }
    /** Sets {@link #maxIter()}. */
    public SparkGaussianMixture setMaxIter(int value) { set(maxIter, value); return this; }
    /** Sets {@link #regCovar()}. */
    public SparkGaussianMixture setRegCovar(double value) { set(regCovar, value); return this; }
    /** Sets {@link #nInit()}. */
    public SparkGaussianMixture setNInit(int value) { set(nInit, value); return this; }
    /** Sets {@link #initMode()}. */
    public SparkGaussianMixture setInitMode(String value) { set(initMode, value); return this; }
    /** Sets {@link #initSampleSize()}. */
    public SparkGaussianMixture setInitSampleSize(int value) { set(initSampleSize, value); return this; }
    /** Sets {@link #seed()}. */
    public SparkGaussianMixture setSeed(long value) { set(seed, value); return this; }
    /** Sets {@link #featuresCol()}. */
    public SparkGaussianMixture setFeaturesCol(String value) { set(columns.featuresCol, value); return this; }
    /** Sets {@link #inputCols()}. */
    public SparkGaussianMixture setInputCols(String[] value) { set(columns.inputCols, value); return this; }
    /** Sets {@link #weightCol()}. */
    public SparkGaussianMixture setWeightCol(String value) { set(columns.weightCol, value); return this; }
    /** Sets {@link #predictionCol()}. */
    public SparkGaussianMixture setPredictionCol(String value) { set(columns.predictionCol, value); return this; }
    /** Sets {@link #probabilityCol()}. */
    public SparkGaussianMixture setProbabilityCol(String value) { set(columns.probabilityCol, value); return this; }
    /** Sets {@link #logDensityCol()}. */
    public SparkGaussianMixture setLogDensityCol(String value) { set(columns.logDensityCol, value); return this; }

    /**
     * An explicit start (scikit-learn's weights_init, means_init, precisions_init); any of them may be
     * null to let the initializer give it. With all three, no initializer runs.
     *
     * @param precisions in the covariance type's shape (full K×D×D, tied D×D, diag K×D, spherical K)
     */
    public SparkGaussianMixture setStart(double[] weights, double[][] means, ShapedArray precisions) {
        if (weights != null) {
            set(weightsInit, weights);
        }
        if (means != null) {
            set(meansInit, means);
        }
        if (precisions != null) {
            set(precisionsInit, precisions.values());
        }
        return this;
    }

    /**
     * Called on the driver after every EM iteration (start, iteration, lower bound, change); returning
     * false stops that start — progress and cancellation for long fits. Null for none. Not saved.
     */
    public SparkGaussianMixture setIterationListener(IterationListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * The core configuration these params describe, checked by the core (its messages name the value).
     *
     * @param features D, which shapes {@code precisionsInit}; 0 when not known yet (precisionsInit is then
     *                 left for the fit to check)
     */
    public GaussianMixture configuration(int features) {
        int components = (Integer) getOrDefault(k);
        String type = getOrDefault(covarianceType);
        GaussianMixture.Builder b = GaussianMixture.builder().components(components).covarianceType(type)
                .tol((Double) getOrDefault(tol)).maxIter((Integer) getOrDefault(maxIter))
                .regCovar((Double) getOrDefault(regCovar)).nInit((Integer) getOrDefault(nInit))
                .initMethod(getOrDefault(initMode)).seed((Long) getOrDefault(seed)).threads(1).listener(listener);
        if (isDefined(weightsInit)) {
            b.weightsInit(getOrDefault(weightsInit));
        }
        if (isDefined(meansInit)) {
            b.meansInit(getOrDefault(meansInit));
        }
        if (isDefined(precisionsInit) && features > 0) {
            int[] shape = Plugins.covarianceModel(type).precisionShape(components, features);
            b.precisionsInit(new ShapedArray(shape, getOrDefault(precisionsInit)));
        }
        return b.build();
    }

    @Override
    public SparkGaussianMixtureModel fit(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        FeatureColumns features = columns.features(this, schema, true);
        int sampleSize = (Integer) getOrDefault(initSampleSize);
        if (sampleSize < (Integer) getOrDefault(k)) {
            throw new IllegalArgumentException("initSampleSize = " + sampleSize + " is below k = " + getOrDefault(k)
                    + ": the initializer needs at least one row per component");
        }
        configuration(Math.max(features.knownWidth(), 0)); // bad params fail before any job
        try (TrainingData data = TrainingData.load(dataset, features)) {
            GaussianMixtureModel model = SparkEm.fit(configuration(data.features()), data, sampleSize);
            SparkGaussianMixtureModel fitted = new SparkGaussianMixtureModel(uid, model, features.featureNames());
            copyValues(fitted, extractParamMap());
            fitted.setParent(this);
            return fitted;
        }
    }

    /** Checks the params and the input columns (no job), and gives the model's output schema. */
    @Override
    public StructType transformSchema(StructType schema) {
        Plugins.find(CovarianceModel.class, getOrDefault(covarianceType));
        Plugins.find(Initializer.class, getOrDefault(initMode));
        columns.features(this, schema, true);
        return columns.outputSchema(this, schema);
    }

    @Override
    public SparkGaussianMixture copy(ParamMap extra) {
        SparkGaussianMixture copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    @Override
    public MLWriter write() {
        return ParamsFiles.writer(this, null);
    }

    /** Spark's reader of an estimator saved with {@code write().save(path)}. */
    public static MLReader<SparkGaussianMixture> read() {
        return ParamsFiles.reader((uid, modelJson) -> new SparkGaussianMixture(uid));
    }

    /** Reads an estimator saved at {@code path} ({@code read().load(path)}). */
    public static SparkGaussianMixture load(String path) {
        return read().load(path);
    }
}
