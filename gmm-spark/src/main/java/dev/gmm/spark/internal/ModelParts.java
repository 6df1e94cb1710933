package dev.gmm.spark.internal;

import dev.gmm.core.FitReport;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;

import java.io.Serializable;

/**
 * A model's parameters as they travel to executors (broadcast): the exact precision factors the driver's
 * M-step produced, not covariances to factor again, so every executor runs the kernel on bit-identical
 * parameters; components sharing one factor (tied) still share it after Java serialization.
 */
public record ModelParts(String covarianceType, double[] weights, double[][] means, PrecisionForm form,
                         double[][] factors, int[] covarianceShape, double[] covariances, int[] choleskyShape,
                         double[] precisionsCholesky, double regCovar) implements Serializable {

    private static final FitReport NOT_FITTED = new FitReport(false, 0, Double.NaN, new double[0], 0, "", 0, 0);

    public static ModelParts of(GaussianMixtureModel m) {
        CovarianceParameters p = m.parameters();
        double[][] factors = new double[m.components()][];
        for (int k = 0; k < factors.length; k++) {
            factors[k] = p.factorView(k);
        }
        return new ModelParts(m.covarianceType(), m.weights(), m.means(), p.form(), factors,
                p.covariances().shape(), p.covariances().values(), p.precisionsCholesky().shape(),
                p.precisionsCholesky().values(), m.regCovar());
    }

    /** The model on an executor (its report is not the fit's: only the driver keeps that). */
    public GaussianMixtureModel toModel() {
        CovarianceParameters p = CovarianceParameters.of(form, means[0].length, factors,
                new ShapedArray(covarianceShape, covariances), new ShapedArray(choleskyShape, precisionsCholesky));
        return GaussianMixtureModel.of(covarianceType, weights, means, p, regCovar, NOT_FITTED);
    }
}
