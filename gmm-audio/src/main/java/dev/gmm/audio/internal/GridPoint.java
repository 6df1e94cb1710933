package dev.gmm.audio.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import java.util.ArrayList;
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
    static final List<String> INIT_METHODS = List.of("kmeans", "k-means++", "random", "random_from_data");
    static final List<Double> REG_COVARS = List.of(1e-8, 1e-6, 1e-4, 1e-3, 1e-2);
    static final List<String> COVARIANCE_TYPES = List.of("full", "tied", "diag", "spherical");
    static final List<Integer> N_INITS = List.of(1, 10, 20);

    /** The study's grid, init × reg_covar × covariance × n_init = 4 × 5 × 4 × 3 = 240 points, in that nesting order. */
    static List<GridPoint> studyGrid() {
        List<GridPoint> grid = new ArrayList<>();
        for (String init : INIT_METHODS)
            for (double reg : REG_COVARS)
                for (String cov : COVARIANCE_TYPES)
                    for (int nInit : N_INITS) grid.add(new GridPoint(init, reg, cov, nInit));
        return List.copyOf(grid);
    }

    /**
     * Parses {@code INIT,REG_COVAR,COVARIANCE,N_INIT}, e.g. {@code kmeans,1e-6,full,1}.
     *
     * @throws IllegalArgumentException naming the option, the value and the expected form
     */
    static GridPoint parse(String option, String text) {
        String[] p = text.split(",", -1);
        String expected = "; expected INIT,REG_COVAR,COVARIANCE,N_INIT such as kmeans,1e-6,full,1";
        if (p.length != 4) {
            throw new IllegalArgumentException("option " + option + "=" + text + " has " + p.length + " fields" + expected);
        }
        double reg;
        int nInit;
        try {
            reg = Double.parseDouble(p[1].trim());
            nInit = Integer.parseInt(p[3].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + "=" + text + ": reg_covar or n_init is not a number"
                    + expected, e);
        }
        if (!(reg >= 0) || Double.isInfinite(reg) || nInit < 1) {
            throw new IllegalArgumentException("option " + option + "=" + text
                    + ": reg_covar must be a finite number >= 0 and n_init >= 1" + expected);
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
