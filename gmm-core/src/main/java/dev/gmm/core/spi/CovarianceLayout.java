package dev.gmm.core.spi;

/**
 * How a covariance model lays out its covariances and precision Cholesky factors, in scikit-learn's
 * four shapes. {@link CovarianceParameters#of(CovarianceLayout, int, double[][], dev.gmm.core.ShapedArray)}
 * reads it to pack the factors the model reports and to expand each component's full covariance; a
 * model with a shape of its own uses the factory that takes the factors' form instead.
 */
public enum CovarianceLayout {
    /** K × D × D covariances, one upper-triangular factor per component ("full"). */
    FULL(PrecisionForm.UPPER_TRIANGULAR),
    /** One D × D covariance and factor shared by every component ("tied"). */
    TIED(PrecisionForm.UPPER_TRIANGULAR),
    /** K × D variances, a diagonal factor per component ("diag"). */
    DIAGONAL(PrecisionForm.DIAGONAL),
    /** K variances, each component's one variance on every feature ("spherical"). */
    SPHERICAL(PrecisionForm.DIAGONAL);

    private final PrecisionForm form;

    CovarianceLayout(PrecisionForm form) {
        this.form = form;
    }

    /** The form of the factors the kernel reads for this layout. */
    public PrecisionForm form() {
        return form;
    }

    /** The shape of covariances and precision Cholesky factors for K components and D features. */
    public int[] shape(int components, int features) {
        return switch (this) {
            case FULL -> new int[] {components, features, features};
            case TIED -> new int[] {features, features};
            case DIAGONAL -> new int[] {components, features};
            case SPHERICAL -> new int[] {components};
        };
    }
}
