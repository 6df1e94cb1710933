package dev.gmm.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The prior on the mixture weights of a {@link BayesianGaussianMixture} (scikit-learn's
 * {@code weight_concentration_prior_type}).
 */
public enum WeightConcentrationPriorType {
    /** A Dirichlet process truncated at K components, as stick-breaking (scikit-learn's default). */
    DIRICHLET_PROCESS("dirichlet_process"),
    /** A symmetric Dirichlet distribution over the K weights. */
    DIRICHLET_DISTRIBUTION("dirichlet_distribution");

    private final String sklearnName;

    WeightConcentrationPriorType(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /** scikit-learn's name: "dirichlet_process" or "dirichlet_distribution". */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The type with scikit-learn's name.
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static WeightConcentrationPriorType of(String name) {
        for (WeightConcentrationPriorType t : values()) {
            if (t.sklearnName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("weight_concentration_prior_type '" + name + "' is not known: use "
                + Arrays.stream(values()).map(WeightConcentrationPriorType::sklearnName).collect(Collectors.joining(" or ")));
    }
}
