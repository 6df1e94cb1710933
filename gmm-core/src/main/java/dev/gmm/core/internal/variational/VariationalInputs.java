package dev.gmm.core.internal.variational;

import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.internal.FitInputs;
import dev.gmm.core.linalg.Matrices;
import dev.gmm.core.spi.CovarianceLayout;

import java.util.Arrays;

/**
 * The checks at the boundary of a variational fit, and scikit-learn's resolution of the priors the
 * user left unset ({@code _check_parameters}), with sample weights as gmm's extension: the weighted
 * mean, and the weighted covariance with ddof 1 (Σw − 1 in the denominator), so that integer
 * weights resolve like repeated rows.
 */
final class VariationalInputs {
    private VariationalInputs() {
    }

    static CovarianceLayout layout(String covarianceType) {
        return switch (covarianceType) {
            case "full" -> CovarianceLayout.FULL;
            case "tied" -> CovarianceLayout.TIED;
            case "diag" -> CovarianceLayout.DIAGONAL;
            case "spherical" -> CovarianceLayout.SPHERICAL;
            default -> throw new IllegalArgumentException("covariance_type '" + covarianceType
                    + "' has no variational updates: use full, tied, diag or spherical");
        };
    }

    static void check(VariationalOptions config, DataMatrix data, double[] sampleWeights,
                      BayesianGaussianMixtureModel warmStart) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass the samples to fit as a DataMatrix");
        }
        data.requireFinite("X");
        int k = config.common().components();
        if (data.rows() < Math.max(2, k)) {
            throw new IllegalArgumentException("Expected n_samples >= max(2, n_components) but got n_components = " + k
                    + ", n_samples = " + data.rows() + ": use fewer components or more data");
        }
        if (sampleWeights != null) {
            FitInputs.checkSampleWeights(sampleWeights, data.rows());
        }
        if (warmStart != null && (warmStart.components() != k || warmStart.features() != data.cols()
                || !warmStart.covarianceType().equals(config.common().covarianceType())
                || warmStart.weightConcentrationPriorType() != config.priorType())) {
            throw new IllegalArgumentException("the warm start is a " + warmStart.components() + "-component '"
                    + warmStart.covarianceType() + "' " + warmStart.weightConcentrationPriorType().sklearnName()
                    + " model of " + warmStart.features() + " features, but this fit is " + k + "-component '"
                    + config.common().covarianceType() + "' " + config.priorType().sklearnName() + " on "
                    + data.cols() + " features: start from a model of the same shape");
        }
    }

    /** Every prior set: the given ones checked against the data's shape, the others from the data. */
    static VariationalPriors resolve(VariationalOptions config, DataMatrix data, double[] sampleWeights) {
        VariationalPriors given = config.priors();
        int d = data.cols();
        String covarianceType = config.common().covarianceType();
        CovarianceLayout layout = layout(covarianceType);
        double[] mean = weightedMean(data, sampleWeights);
        double dof = given.degreesOfFreedomPrior() == null ? d : given.degreesOfFreedomPrior();
        if (!(dof > d - 1.0)) {
            throw new IllegalArgumentException("The parameter 'degrees_of_freedom_prior' should be greater than "
                    + (d - 1) + ", but got " + String.format(java.util.Locale.ROOT, "%.3f", dof)
                    + ": a Wishart prior on " + d + " features needs more than " + (d - 1) + " degrees of freedom");
        }
        double[] meanPrior = given.meanPrior();
        if (meanPrior != null && meanPrior.length != d) {
            throw new IllegalArgumentException("mean_prior should have shape (" + d + ",), but got (" + meanPrior.length
                    + ",): give one value per feature");
        }
        ShapedArray covariancePrior = given.covariancePrior() == null
                ? defaultCovariancePrior(layout, data, sampleWeights, mean)
                : checkedCovariancePrior(layout, covarianceType, given.covariancePrior(), d);
        return VariationalPriors.of(
                given.weightConcentrationPrior() == null ? 1.0 / config.common().components()
                        : given.weightConcentrationPrior(),
                given.meanPrecisionPrior() == null ? 1.0 : given.meanPrecisionPrior(),
                meanPrior == null ? mean : meanPrior, dof, covariancePrior);
    }

    private static ShapedArray checkedCovariancePrior(CovarianceLayout layout, String type, ShapedArray prior, int d) {
        String name = "'" + type + " covariance_prior'";
        switch (layout) {
            case FULL, TIED -> {
                if (!prior.hasShape(d, d)) {
                    throw shapeError(name, "(" + d + ", " + d + ")", prior);
                }
                double[] m = prior.values();
                if (!Matrices.isSymmetric(m, d) || Matrices.choleskyLower(m, d) == null) {
                    throw new IllegalArgumentException(name + " should be symmetric, positive-definite: pass a "
                            + "covariance matrix such as the data's (the default)");
                }
                return prior;
            }
            case DIAGONAL -> {
                if (!prior.hasShape(d)) {
                    throw shapeError(name, "(" + d + ",)", prior);
                }
                requirePositive(name, prior.values());
                return prior;
            }
            default -> {
                if (prior.size() != 1) {
                    throw shapeError(name, "() (a scalar)", prior);
                }
                requirePositive(name, prior.values());
                return new ShapedArray(new int[0], prior.values());
            }
        }
    }

    private static IllegalArgumentException shapeError(String name, String expected, ShapedArray got) {
        return new IllegalArgumentException("The parameter " + name + " should have the shape of " + expected
                + ", but got " + Arrays.toString(got.shape()) + ": pass it in the covariance type's shape");
    }

    private static void requirePositive(String name, double[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!(values[j] > 0)) {
                throw new IllegalArgumentException(name + " should be positive, but got " + values[j]
                        + (values.length > 1 ? " at index " + j : "") + ": pass variances > 0");
            }
        }
    }

    private static double[] weightedMean(DataMatrix data, double[] w) {
        int d = data.cols();
        double[] sum = new double[d];
        double total = 0;
        double[] row = new double[d];
        for (int i = 0; i < data.rows(); i++) {
            double wi = w == null ? 1 : w[i];
            data.copyRow(i, row, 0);
            for (int j = 0; j < d; j++) {
                sum[j] += wi * row[j];
            }
            total += wi;
        }
        for (int j = 0; j < d; j++) {
            sum[j] /= total;
        }
        return sum;
    }

    /** numpy's cov(X.T) (full, tied), var(X, ddof=1) (diag) or its mean (spherical), weighted. */
    private static ShapedArray defaultCovariancePrior(CovarianceLayout layout, DataMatrix data, double[] w,
                                                      double[] mean) {
        int d = data.cols();
        double[] scatter = new double[d * d];
        double total = 0;
        double[] row = new double[d];
        for (int i = 0; i < data.rows(); i++) {
            double wi = w == null ? 1 : w[i];
            data.copyRow(i, row, 0);
            for (int a = 0; a < d; a++) {
                double za = row[a] - mean[a];
                for (int b = 0; b < d; b++) {
                    scatter[a * d + b] += wi * za * (row[b] - mean[b]);
                }
            }
            total += wi;
        }
        if (!(total > 1)) {
            throw new IllegalArgumentException("the sample weights sum to " + total + ", so the data's covariance "
                    + "(the default covariance_prior) is undefined: give weights summing to more than 1 or pass "
                    + "covariance_prior");
        }
        for (int i = 0; i < scatter.length; i++) {
            scatter[i] /= total - 1;
        }
        double[] variances = new double[d];
        for (int j = 0; j < d; j++) {
            variances[j] = scatter[j * d + j];
        }
        return switch (layout) {
            case FULL, TIED -> new ShapedArray(new int[] {d, d}, scatter);
            case DIAGONAL -> ShapedArray.of(variances);
            case SPHERICAL -> new ShapedArray(new int[0], new double[] {Arrays.stream(variances).sum() / d});
        };
    }
}
