package dev.gmm.core.spi;

/**
 * A component's covariance is not positive definite: it collapsed onto too few points. The message
 * gives scikit-learn's advice (fewer components or a larger {@code regCovar}).
 */
public class IllDefinedCovarianceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With {@code message}; {@link #forComponent} writes scikit-learn's. */
    public IllDefinedCovarianceException(String message) {
        super(message);
    }

    /** scikit-learn's wording, with the regCovar in force. */
    public static IllDefinedCovarianceException forComponent(int component, double regCovar) {
        return new IllDefinedCovarianceException("Fitting the mixture model failed because component " + component
                + " has an ill-defined empirical covariance (for instance caused by singleton or collapsed samples)."
                + " Try to decrease the number of components, or increase reg_covar (now " + regCovar + ").");
    }
}
