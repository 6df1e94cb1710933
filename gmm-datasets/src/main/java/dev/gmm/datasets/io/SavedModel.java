package dev.gmm.datasets.io;

import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.MixtureModel;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A model as a file holds it: the fitted mixture (gmm-core's pure value) plus what the data looked
 * like, so a later run can check it is given the same kind of data. Read and written by
 * {@link ModelJson}.
 *
 * @param model          the fitted mixture
 * @param featureNamesIn the names of the training columns, in the model's feature order
 *                       (scikit-learn's {@code feature_names_in_}); empty when the data had no header
 * @param scaler         the scaling applied to the data before the mixture saw them, or null when
 *                       the mixture was fitted on the data as they are
 * @param variational    for a variational fit ({@code "method": "variational"}), the fitted
 *                       Bayesian mixture, and then {@code model} is its point estimate (the mixture of
 *                       its weights, means and covariances); null for an EM fit
 */
public record SavedModel(GaussianMixtureModel model, List<String> featureNamesIn, StoredScaler scaler,
                         BayesianGaussianMixtureModel variational) {
    public SavedModel {
        Objects.requireNonNull(model, "model");
        if (scaler != null && scaler.features() != model.features()) {
            throw new IllegalArgumentException("the scaler has " + scaler.features() + " columns but the model has "
                    + model.features() + " features; fit the scaler on the model's training data");
        }
        featureNamesIn = List.copyOf(featureNamesIn);
        if (!featureNamesIn.isEmpty() && featureNamesIn.size() != model.features()) {
            throw new IllegalArgumentException("featureNamesIn has " + featureNamesIn.size() + " names but the model has "
                    + model.features() + " features; give one name per feature, or none");
        }
        if (new HashSet<>(featureNamesIn).size() != featureNamesIn.size()) {
            throw new IllegalArgumentException("featureNamesIn " + featureNamesIn + " names a column twice; feature "
                    + "names must be distinct");
        }
    }

    /** An EM model fitted on unscaled data. */
    public SavedModel(GaussianMixtureModel model, List<String> featureNamesIn) {
        this(model, featureNamesIn, null, null);
    }

    /** An EM model, with the scaling its data went through (or null). */
    public SavedModel(GaussianMixtureModel model, List<String> featureNamesIn, StoredScaler scaler) {
        this(model, featureNamesIn, scaler, null);
    }

    /** A variational model fitted on unscaled data, with its point estimate as {@link #model()}. */
    public SavedModel(BayesianGaussianMixtureModel variational, List<String> featureNamesIn) {
        this(variational, featureNamesIn, null);
    }

    /** A variational model, with its point estimate as {@link #model()}, and its data's scaling (or null). */
    public SavedModel(BayesianGaussianMixtureModel variational, List<String> featureNamesIn, StoredScaler scaler) {
        this(variational.pointEstimate(), featureNamesIn, scaler, variational);
    }

    /** A model whose training data had no column names. */
    public static SavedModel withoutNames(GaussianMixtureModel model) {
        return new SavedModel(model, List.of());
    }

    /** Whether the data are scaled before the mixture sees them. */
    public boolean hasScaler() {
        return scaler != null;
    }

    /** Whether the model was fitted by variational inference. */
    public boolean isVariational() {
        return variational != null;
    }

    /**
     * The model that predicts, scores and samples: the variational one when there is one (its E-step is
     * what scikit-learn's BayesianGaussianMixture predicts and scores with), else the EM one.
     */
    public MixtureModel mixture() {
        return variational != null ? variational : model;
    }

    /** Whether the training columns' names are known. */
    public boolean hasFeatureNames() {
        return !featureNamesIn.isEmpty();
    }
}
