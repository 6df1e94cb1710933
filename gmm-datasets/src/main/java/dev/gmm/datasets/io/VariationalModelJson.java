package dev.gmm.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.WeightConcentrationPriorType;

import java.util.Arrays;

/**
 * The variational part of a model file (format_version 2, Decision 20): beside the keys every model
 * has (weights, means, covariances, precisions_cholesky in scikit-learn's shapes), {@code "method":
 * "variational"}, {@code weight_concentration_prior_type}, scikit-learn's posterior attributes
 * {@code weight_concentration} ([α, β] for the process, α for the distribution),
 * {@code mean_precision}, {@code degrees_of_freedom} (a number for tied, as scikit-learn's) and the
 * resolved {@code priors} under scikit-learn's names. A version-1 reader would take such a file for
 * an EM model and score it wrongly, hence the version.
 */
final class VariationalModelJson {
    static final String METHOD = "variational";
    static final int FORMAT_VERSION = 2;

    private VariationalModelJson() {
    }

    static void write(ObjectNode root, BayesianGaussianMixtureModel m) {
        root.put("format_version", FORMAT_VERSION);
        root.put("method", METHOD);
        root.put("weight_concentration_prior_type", m.weightConcentrationPriorType().sklearnName());
        double[][] concentration = m.weightConcentration();
        if (concentration.length == 2) {
            ArrayNode pair = root.putArray("weight_concentration");
            pair.add(ModelJson.vector(concentration[0]));
            pair.add(ModelJson.vector(concentration[1]));
        } else {
            root.set("weight_concentration", ModelJson.vector(concentration[0]));
        }
        root.set("mean_precision", ModelJson.vector(m.meanPrecision()));
        if (m.covarianceType().equals("tied")) {
            root.put("degrees_of_freedom", m.degreesOfFreedom()[0]);
        } else {
            root.set("degrees_of_freedom", ModelJson.vector(m.degreesOfFreedom()));
        }
        VariationalPriors p = m.priors();
        ObjectNode priors = root.putObject("priors");
        priors.put("weight_concentration_prior", p.weightConcentrationPrior());
        priors.put("mean_precision_prior", p.meanPrecisionPrior());
        priors.set("mean_prior", ModelJson.vector(p.meanPrior()));
        priors.put("degrees_of_freedom_prior", p.degreesOfFreedomPrior());
        ShapedArray covariancePrior = p.covariancePrior();
        if (covariancePrior.rank() == 0) {
            priors.put("covariance_prior", covariancePrior.at(0));
        } else {
            priors.set("covariance_prior", ModelJson.nested(covariancePrior, 0, 0));
        }
    }

    /** The variational model of a file whose method is "variational", or null for an EM file. */
    static BayesianGaussianMixtureModel readIfVariational(JsonNode root, GaussianMixtureModel pointEstimate,
                                                         String where) {
        JsonNode method = root.get("method");
        if (method == null || method.isNull() || "em".equals(method.asText())) {
            return null;
        }
        if (!METHOD.equals(method.asText())) {
            throw new IllegalArgumentException(where + ": field \"method\" is " + method
                    + "; a model file's method is \"em\" or \"variational\"");
        }
        int k = pointEstimate.components();
        int d = pointEstimate.features();
        WeightConcentrationPriorType type;
        try {
            type = WeightConcentrationPriorType.of(ModelJson.text(root, "weight_concentration_prior_type", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        JsonNode wc = ModelJson.field(root, "weight_concentration", where);
        double[][] concentration = type == WeightConcentrationPriorType.DIRICHLET_PROCESS
                ? ModelJson.matrix(wc, "weight_concentration", 2, k, where)
                : new double[][] {ModelJson.vector(wc, "weight_concentration", k, where)};
        double[] meanPrecision = ModelJson.vector(ModelJson.field(root, "mean_precision", where), "mean_precision", k,
                where);
        JsonNode dofNode = ModelJson.field(root, "degrees_of_freedom", where);
        double[] dof;
        if (pointEstimate.covarianceType().equals("tied")) {
            dof = new double[k];
            Arrays.fill(dof, ModelJson.number(dofNode, "degrees_of_freedom", where));
        } else {
            dof = ModelJson.vector(dofNode, "degrees_of_freedom", k, where);
        }
        JsonNode priors = ModelJson.field(root, "priors", where);
        String at = where + " (priors)";
        int[] covarianceShape = switch (pointEstimate.covarianceType()) {
            case "full", "tied" -> new int[] {d, d};
            case "diag" -> new int[] {d};
            default -> new int[0];
        };
        JsonNode covarianceNode = ModelJson.field(priors, "covariance_prior", at);
        ShapedArray covariancePrior = covarianceShape.length == 0
                ? new ShapedArray(covarianceShape, new double[] {ModelJson.number(covarianceNode, "covariance_prior", at)})
                : ModelJson.shaped(covarianceNode, "covariance_prior", covarianceShape, at);
        try {
            VariationalPriors resolved = VariationalPriors.of(
                    ModelJson.number(ModelJson.field(priors, "weight_concentration_prior", at), "weight_concentration_prior", at),
                    ModelJson.number(ModelJson.field(priors, "mean_precision_prior", at), "mean_precision_prior", at),
                    ModelJson.vector(ModelJson.field(priors, "mean_prior", at), "mean_prior", d, at),
                    ModelJson.number(ModelJson.field(priors, "degrees_of_freedom_prior", at), "degrees_of_freedom_prior", at),
                    covariancePrior);
            return BayesianGaussianMixtureModel.of(pointEstimate.covarianceType(), type, resolved, concentration,
                    meanPrecision, pointEstimate.means(), dof, pointEstimate.parameters(), pointEstimate.regCovar(),
                    pointEstimate.report());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is broken: " + e.getMessage()
                    + "; the file was changed or damaged after it was written: fit the model again", e);
        }
    }
}
