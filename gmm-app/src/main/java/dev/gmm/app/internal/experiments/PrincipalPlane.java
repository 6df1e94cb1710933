package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.MixtureModel;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.datasets.Pca;

import java.util.Arrays;
import java.util.Locale;

/**
 * The plane of a wide data set's first two principal components, onto which data and a mixture's
 * components are projected (μ' = A(μ − c), Σ' = AΣAᵀ), so that each ellipse drawn there is the
 * projected component's own footprint. {@code gmm fit --plot} and the report's experiments draw
 * wider-than-2-D fits this way.
 */
public final class PrincipalPlane {
    private final Pca pca;
    private final double totalVariance;

    private PrincipalPlane(Pca pca, double totalVariance) {
        this.pca = pca;
        this.totalVariance = totalVariance;
    }

    /** The plane of {@code data}'s first two principal components (the data needs at least 2 columns). */
    public static PrincipalPlane of(DataMatrix data) {
        // The variance of all the axes together is the data's total variance (the covariance's trace).
        double total = Arrays.stream(Pca.fit(data, data.cols()).explainedVariance()).sum();
        return new PrincipalPlane(Pca.fit(data, 2), total);
    }

    /** Rows projected onto the plane: N × 2. */
    public DataMatrix project(DataMatrix rows) {
        return pca.transform(rows);
    }

    /** "principal component 1 (73 % of the variance)", for axis 0 or 1. */
    public String axisLabel(int axis) {
        return String.format(Locale.ROOT, "principal component %d (%.0f %% of the variance)", axis + 1,
                100 * pca.explainedVariance()[axis] / totalVariance);
    }

    /** Component k's footprint on the plane at 1 and 2 σ, the model fitted in the data's units. */
    public Ellipse ellipse(MixtureModel model, int k) {
        return ellipse(model, k, DataMatrix.of(model.means()), ones(model.features()));
    }

    /**
     * Component k's footprint when the model was fitted on scaled data: {@code meansInDataUnits} are its
     * means mapped back, and {@code scale} the per-feature factor S of that map, so Σ in data units is SΣS.
     */
    public Ellipse ellipse(MixtureModel model, int k, DataMatrix meansInDataUnits, double[] scale) {
        return projectedEllipse(pca.components(), pca.transform(meansInDataUnits.rowRange(k, k + 1)).row(0),
                model.covariance(k), scale);
    }

    /** Component k's footprint on two axes given as rows of {@code axes} (2 × D), its centre already projected. */
    public static Ellipse projectedEllipse(double[][] axes, double[] centre, double[][] covariance, double[] scale) {
        int d = covariance.length;
        double[][] projected = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        sum += axes[a][i] * scale[i] * covariance[i][j] * scale[j] * axes[b][j];
                    }
                }
                projected[a][b] = sum;
            }
        }
        return new Ellipse(centre[0], centre[1], projected, Charts.SIGMAS.clone());
    }

    public static double[] ones(int d) {
        double[] v = new double[d];
        Arrays.fill(v, 1);
        return v;
    }
}
