package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.spi.IllDefinedCovarianceException;
import dev.gmm.core.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the number of components and the covariance type by BIC. Unlike gmm-metrics'
 * ModelSelection, a grid point whose covariance is ill-defined (duplicated or discrete rows, a
 * constant column) is skipped and counted rather than failing the search: real benchmark data has
 * such columns, and the other grid points are still valid choices.
 */
final class BicSearch {
    /** One grid point: its BIC, or NaN when the fit failed with an ill-defined covariance. */
    record Candidate(int components, String covarianceType, double bic) {
    }

    /** Every grid point and the best model. */
    record Result(List<Candidate> candidates, GaussianMixtureModel best, int skipped) {
        Candidate bestCandidate() {
            return candidates.stream().filter(c -> !Double.isNaN(c.bic()))
                    .min(java.util.Comparator.comparingDouble(Candidate::bic)).orElseThrow();
        }
    }

    private BicSearch() {
    }

    static Result search(DataMatrix data, int maxComponents, List<String> covarianceTypes, long seed,
                         ProgressListener progress) {
        List<Candidate> candidates = new ArrayList<>();
        GaussianMixtureModel best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        int skipped = 0;
        for (String type : covarianceTypes) {
            for (int k = 1; k <= Math.min(maxComponents, data.rows()); k++) {
                double bic;
                try {
                    GaussianMixtureModel model = GaussianMixture.builder().components(k).covarianceType(type)
                            .seed(seed).build().fit(data);
                    bic = model.bic(data);
                    if (bic < bestBic) {
                        best = model;
                        bestBic = bic;
                    }
                } catch (IllDefinedCovarianceException e) {
                    bic = Double.NaN;
                    skipped++;
                }
                candidates.add(new Candidate(k, type, bic));
                progress.advance(1);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("every mixture of 1.." + maxComponents + " components " + covarianceTypes
                    + " had an ill-defined covariance: the data has too few distinct rows; remove constant or "
                    + "duplicated columns");
        }
        return new Result(candidates, best, skipped);
    }
}
