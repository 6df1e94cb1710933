package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * AIC, BIC and ICL tables for a set of fitted mixtures evaluated on the same data (the study's model
 * choice by information criteria). Lower is better for all three (scikit-learn's sign; mclust's BIC
 * and ICL are the same numbers negated).
 */
public final class InformationCriteria {

    private InformationCriteria() {
    }

    /**
     * One model's row.
     *
     * @param components      number of components
     * @param covarianceType  the covariance type
     * @param numParameters   free parameters (sklearn's {@code _n_parameters})
     * @param logLikelihood   total log-likelihood of the data, n · mean log-likelihood
     * @param bic             −2 log L + p ln n
     * @param aic             −2 log L + 2p
     * @param icl             the BIC plus the entropy of the hard assignment, see {@link #icl}
     */
    public record Row(int components, String covarianceType, long numParameters, double logLikelihood, double bic,
                      double aic, double icl) {
    }

    /**
     * The integrated complete-data likelihood criterion of Biernacki, Celeux &amp; Govaert (2000) as mclust's
     * {@code icl} computes it: the BIC plus twice the entropy term of the MAP assignment,
     * BIC − 2·Σᵢ log maxₖ P(k | xᵢ). It penalises mixtures whose components overlap, so it prefers
     * well-separated clusters where the BIC may split one cluster into two Gaussians.
     */
    public static double icl(GaussianMixtureModel model, DataMatrix data) {
        double entropy = 0;
        for (double[] row : model.predictLogProba(data)) {
            double best = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                best = Math.max(best, v);
            }
            entropy -= best;
        }
        return model.bic(data) + 2 * entropy;
    }

    /** The rows of {@code models} on {@code data}, in the order given. */
    public static List<Row> table(List<GaussianMixtureModel> models, DataMatrix data) {
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("models is empty; pass at least one fitted GaussianMixtureModel");
        }
        if (data == null || data.rows() == 0) {
            throw new IllegalArgumentException("data is empty; pass the samples to evaluate the models on");
        }
        List<Row> rows = new ArrayList<>(models.size());
        for (int m = 0; m < models.size(); m++) {
            GaussianMixtureModel model = models.get(m);
            if (model.features() != data.cols()) {
                throw new IllegalArgumentException("models[" + m + "] has " + model.features()
                        + " features but data has " + data.cols() + " columns; evaluate on data of the same shape");
            }
            rows.add(new Row(model.components(), model.covarianceType(), model.numParameters(),
                    model.score(data) * data.rows(), model.bic(data), model.aic(data), icl(model, data)));
        }
        return List.copyOf(rows);
    }

    /** The index in {@code rows} of the lowest {@code "bic"}, {@code "aic"} or {@code "icl"} (first on ties). */
    public static int best(List<Row> rows, String criterion) {
        Comparator<Row> by = switch (criterion) {
            case "bic" -> Comparator.comparingDouble(Row::bic);
            case "aic" -> Comparator.comparingDouble(Row::aic);
            case "icl" -> Comparator.comparingDouble(Row::icl);
            case null, default -> throw new IllegalArgumentException("criterion is '" + criterion
                    + "'; use \"bic\", \"aic\" or \"icl\"");
        };
        int best = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (by.compare(rows.get(i), rows.get(best)) < 0) {
                best = i;
            }
        }
        return best;
    }
}
