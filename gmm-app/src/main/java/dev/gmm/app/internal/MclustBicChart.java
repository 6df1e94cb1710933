package dev.gmm.app.internal;

import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.metrics.ModelSelection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * mclust's {@code plot(mclustBIC)}: BIC against K, one line per model, in mclust's sign convention
 * 2·loglik − npar·log n (higher is better), the negative of scikit-learn's BIC that {@code bic.png} and
 * {@code selection.json} use. Where the grid has several fits of one model and K, the best is drawn.
 */
public final class MclustBicChart {
    private MclustBicChart() {
    }

    /** @param samples n, for the title only (the BIC values already include it) */
    public static Chart of(ModelSelection.Result result, int samples) {
        Map<String, TreeMap<Integer, Double>> byModel = new LinkedHashMap<>();
        for (ModelSelection.Candidate c : result.ranked()) {
            double mclustBic = -c.bic();
            if (Double.isFinite(mclustBic)) {
                byModel.computeIfAbsent(c.covarianceType(), t -> new TreeMap<>()).merge(c.components(), mclustBic, Math::max);
            }
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : byModel.entrySet()) {
            double[] x = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            series.add(new Series(e.getKey(), x, y));
        }
        return new Chart("mclust's BIC against the number of components, n = " + samples + " (higher is better)",
                ChartKind.LINE, "components (K)", "BIC = 2·loglik − npar·log n (mclust's sign; higher is better)", series);
    }
}
