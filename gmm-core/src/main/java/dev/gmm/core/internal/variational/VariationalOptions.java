package dev.gmm.core.internal.variational;

import dev.gmm.core.VariationalPriors;
import dev.gmm.core.WeightConcentrationPriorType;
import dev.gmm.core.internal.EmOptions;

/**
 * What a variational fit is asked to do, as {@link VariationalEngine} reads it: the settings shared
 * with EM and the priors, copied once from a {@code BayesianGaussianMixture}, which hands them to the
 * engine; the engine never calls back into the configuration.
 *
 * @param common    the settings shared with EM (components, covariance type, tol, reg_covar, …, threads)
 * @param priorType scikit-learn's {@code weight_concentration_prior_type}
 * @param priors    the priors as given (unset ones resolved from the data at fit time)
 */
public record VariationalOptions(EmOptions common, WeightConcentrationPriorType priorType, VariationalPriors priors) {
}
