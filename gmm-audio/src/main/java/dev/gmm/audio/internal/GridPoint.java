package dev.gmm.audio.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.metrics.ModelSelection;
import java.util.List;
import java.util.Locale;

/**
 * One setting of the study's GaussianMixture parameters.
 *
 * @param init       sklearn's init_params: kmeans, k-means++, random or random_from_data
 * @param regCovar   reg_covar
 * @param covariance covariance_type
 * @param nInit      n_init
 */
record GridPoint(String init, double regCovar, String covariance, int nInit) {
    // The study's grid, init × reg_covar × covariance × n_init = 4 × 5 × 4 × 3 = 240 points, nested in that order.
    static final List<String> INIT_METHODS = List.of("kmeans", "k-means++", "random", "random_from_data");
    static final List<Double> REG_COVARS = List.of(1e-8, 1e-6, 1e-4, 1e-3, 1e-2);
    static final List<String> COVARIANCE_TYPES = List.of("full", "tied", "diag", "spherical");
    static final List<Integer> N_INITS = List.of(1, 10, 20);

    /** The grid point of a candidate of the grid search. */
    static GridPoint of(ModelSelection.Candidate c) {
        return new GridPoint(c.initMethod(), c.regCovar(), c.covarianceType(), c.nInit());
    }

    /**
     * Parses {@code INIT,REG_COVAR,COVARIANCE,N_INIT}, e.g. {@code kmeans,1e-6,full,1}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static GridPoint parse(String text) {
        String[] p = text.split(",", -1);
        if (p.length != 4) {
            throw new IllegalArgumentException("it has " + p.length + " fields");
        }
        double reg;
        int nInit;
        try {
            reg = Double.parseDouble(p[1].trim());
            nInit = Integer.parseInt(p[3].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reg_covar or n_init is not a number", e);
        }
        if (!(reg >= 0) || Double.isInfinite(reg) || nInit < 1) {
            throw new IllegalArgumentException("reg_covar must be a finite number >= 0 and n_init >= 1");
        }
        return new GridPoint(p[0].trim(), reg, p[2].trim(), nInit);
    }

    /** Cluster labels of {@code data} from a mixture of {@code components} fitted with these parameters. */
    int[] fitPredict(DataMatrix data, int components, long seed) {
        return GaussianMixture.builder().components(components).covarianceType(covariance).regCovar(regCovar)
                .nInit(nInit).initMethod(init).seed(seed).threads(1).build().fit(data).predict(data);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "init=%s reg_covar=%s covariance=%s n_init=%d", init, regCovar, covariance, nInit);
    }
}
