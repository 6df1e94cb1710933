package dev.gmm.app.internal;

import dev.gmm.app.internal.experiments.Charts;
import dev.gmm.app.internal.experiments.PrincipalPlane;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.datasets.io.SavedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code gmm fit --plot}: the data coloured by predicted component, with each component's 1 and 2 σ
 * ellipse, in the data's own units. Two-column data are drawn as they are; wider data on their first
 * two principal components, onto which each component's mean and covariance are projected
 * (μ' = A(μ − c), Σ' = AΣAᵀ), so an ellipse is the projected component's own footprint.
 */
public final class FitPlot {
    /** Points drawn at most, so a million-row fit still gives a readable plot quickly. */
    private static final int MAX_POINTS = 20_000;

    private FitPlot() {
    }

    /** @param x the training data in the user's units */
    public static Chart of(SavedModel saved, DataMatrix x) {
        ModelPipeline pipeline = new ModelPipeline(saved);
        GaussianMixtureModel m = saved.model();
        int d = x.cols();
        if (d < 2) {
            throw new IllegalArgumentException("--plot needs at least 2 feature columns; the data have " + d);
        }
        int[] labels = m.predict(pipeline.toModelUnits(x));
        // The components in the data's units: a scaler maps μ to Sμ + o and Σ to SΣS (S = diag(scale)).
        double[] scale = saved.hasScaler() ? saved.scaler().scale() : PrincipalPlane.ones(d);
        DataMatrix means = pipeline.toDataUnits(DataMatrix.of(m.means()));
        String xLabel;
        String yLabel;
        DataMatrix points;
        List<Ellipse> ellipses = new ArrayList<>();
        if (d == 2) {
            points = x;
            List<String> names = saved.featureNamesIn();
            xLabel = names.isEmpty() ? "x0" : names.get(0);
            yLabel = names.isEmpty() ? "x1" : names.get(1);
            double[][] identity = {{1, 0}, {0, 1}};
            for (int k = 0; k < m.components(); k++) {
                ellipses.add(PrincipalPlane.projectedEllipse(identity, means.row(k), m.covariance(k), scale));
            }
        } else {
            PrincipalPlane plane = PrincipalPlane.of(x);
            points = plane.project(x);
            xLabel = plane.axisLabel(0);
            yLabel = plane.axisLabel(1);
            for (int k = 0; k < m.components(); k++) {
                ellipses.add(plane.ellipse(m, k, means, scale));
            }
        }
        String title = String.format(Locale.ROOT, "%d %s components, 1 and 2 \u03c3%s", m.components(),
                m.covarianceType(), d == 2 ? "" : " (projected on the first two principal components)");
        return new Chart(title, ChartKind.SCATTER, xLabel, yLabel,
                Charts.scatterByLabel(points, labels, 0, 1, "component ", MAX_POINTS), ellipses);
    }
}
