package dev.gmm.spark.internal.cli;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.spark.SparkGaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Σ log p(x) over the rows, on the cluster: what score, bic and aic need. */
record Scores(long rows, double logLikelihood) {

    static Scores of(SparkGaussianMixtureModel model, Dataset<Row> data) {
        Row r = model.copy(new org.apache.spark.ml.param.ParamMap()).setPredictionCol("").setProbabilityCol("")
                .setLogDensityCol("ld").transform(data).agg(functions.count("ld"), functions.sum("ld")).first();
        return new Scores(r.getLong(0), r.getDouble(1));
    }

    double mean() {
        return logLikelihood / rows;
    }

    /** scikit-learn's bic: −2·Σ log p + p·ln n. */
    double bic(GaussianMixtureModel m) {
        return -2 * logLikelihood + m.numParameters() * Math.log(rows);
    }

    /** scikit-learn's aic: −2·Σ log p + 2p. */
    double aic(GaussianMixtureModel m) {
        return -2 * logLikelihood + 2 * m.numParameters();
    }
}
