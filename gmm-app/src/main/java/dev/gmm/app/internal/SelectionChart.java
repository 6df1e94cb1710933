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
import java.util.function.ToDoubleFunction;

/**
 * {@code gmm select}'s plot: a criterion (BIC, AIC) against the number of components, one line per
 * covariance type; where the grid has several fits for one K and type (init methods, reg_covar,
 * n_init), the best value is drawn. The overall best point is labelled "best".
 */
public final class SelectionChart {
    private SelectionChart() {
    }

    /** @param criterion "bic" or "aic" */
    public static Chart of(ModelSelection.Result result, String criterion) {
        ToDoubleFunction<ModelSelection.Candidate> value = switch (criterion) {
            case "bic" -> ModelSelection.Candidate::bic;
            case "aic" -> ModelSelection.Candidate::aic;
            default -> throw new IllegalArgumentException("a selection chart plots bic or aic, not " + criterion);
        };
        Map<String, TreeMap<Integer, Double>> byType = new LinkedHashMap<>();
        for (ModelSelection.Candidate c : result.ranked()) {
            double v = value.applyAsDouble(c);
            if (Double.isFinite(v)) {
                byType.computeIfAbsent(c.covarianceType(), t -> new TreeMap<>()).merge(c.components(), v, Math::min);
            }
        }
        double best = byType.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
                .min().orElse(Double.NaN);
        boolean labelled = false;
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : byType.entrySet()) {
            double[] x = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            List<String> labels = new ArrayList<>();
            for (double v : y) {
                boolean isBest = !labelled && v == best;
                labelled |= isBest;
                labels.add(isBest ? "best" : "");
            }
            series.add(new Series(e.getKey(), x, y, labels));
        }
        String name = criterion.toUpperCase(java.util.Locale.ROOT);
        return new Chart(name + " against the number of components (lower is better)", ChartKind.LINE,
                "components (K)", name, series);
    }
}
