package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.MixtureModel;
import dev.gmm.datasets.io.SavedModel;
import dev.gmm.datasets.io.StoredScaler;

/**
 * A model file as a whole pipeline: the stored scaler (if any), then the mixture. Data go in and
 * samples come out in the user's own units.
 *
 * <p>Densities are of the data in the original units: the mixture's log-density of the scaled row
 * plus the log-Jacobian of the scaling, -Σ log scale (a change of variables). So a score, a BIC or
 * an AIC can be compared with those of an unscaled model of the same data, and a density threshold
 * means the same whatever the scaling. scikit-learn's {@code Pipeline.score_samples} gives the
 * scaled data's density instead: it differs from ours by that constant, Σ log scale.
 */
public final class ModelPipeline {
    private final MixtureModel mixture;
    private final GaussianMixtureModel pointEstimate;
    private final StoredScaler scaler;

    public ModelPipeline(SavedModel saved) {
        this.mixture = saved.mixture();
        this.pointEstimate = saved.model();
        this.scaler = saved.scaler();
    }

    /** The model that scores: the variational one for a variational fit (scikit-learn's way), else the EM one. */
    public MixtureModel mixture() {
        return mixture;
    }

    /** The rows as the mixture sees them (scaled when the model stores a scaler). */
    public DataMatrix toModelUnits(DataMatrix x) {
        return scaler == null ? x : scaler.transform(x);
    }

    /** Rows from the mixture's space (a sample) in the data's own units. */
    public DataMatrix toDataUnits(DataMatrix z) {
        return scaler == null ? z : scaler.inverseTransform(z);
    }

    private double logJacobian() {
        return scaler == null ? 0 : scaler.logJacobian();
    }

    /** Each row's log-density in the data's units (score_samples). */
    public double[] scoreSamples(DataMatrix x) {
        double[] ll = mixture.scoreSamples(toModelUnits(x));
        double shift = logJacobian();
        for (int i = 0; i < ll.length; i++) {
            ll[i] += shift;
        }
        return ll;
    }

    /** The mean log-likelihood per row in the data's units (score). */
    public double score(DataMatrix x) {
        return mixture.score(toModelUnits(x)) + logJacobian();
    }

    /** −2·n·score + p·ln n, with the score in the data's units; the scaler's numbers are not counted. */
    public double bic(DataMatrix x) {
        return -2 * score(x) * x.rows() + pointEstimate.numParameters() * Math.log(x.rows());
    }

    /** −2·n·score + 2p, with the score in the data's units. */
    public double aic(DataMatrix x) {
        return -2 * score(x) * x.rows() + 2 * pointEstimate.numParameters();
    }
}
