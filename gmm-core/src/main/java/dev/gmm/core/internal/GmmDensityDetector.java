package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.ContaminationThreshold;
import dev.gmm.core.app.spi.FittedDetector;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The "gmm-density" detector: fits a Gaussian mixture and scores each row by its negative log
 * density, so rare regions score high. The threshold is the contamination quantile of the training
 * scores (as in the study): exactly round(contamination × n) training rows are flagged.
 *
 * <p>Extra options: {@code components} (default 3) and {@code covariance_type} (default "full");
 * either may be {@code auto}, which fits 1..6 components × the four covariance types (or the
 * fixed one) and keeps the model with the lowest BIC.
 *
 * <p>It lives in gmm-core, next to the "gmm" {@code Clusterer}, because it needs nothing but the
 * core: Apache-2.0 users have it without the GPL baselines.
 */
public final class GmmDensityDetector implements AnomalyDetector {

    private static final List<String> COVARIANCE_TYPES = List.of("full", "tied", "diag", "spherical");
    private static final int MAX_AUTO_COMPONENTS = 6;

    @Override
    public String name() {
        return "gmm-density";
    }

    @Override
    public String description() {
        return "anomaly score = -log density of a Gaussian mixture (components/covariance by BIC with 'auto')";
    }

    @Override
    public FittedDetector fit(DataMatrix data, AnomalyDetector.Options options) {
        data.requireFinite("data");
        ContaminationThreshold.requireTrainingRows(data);
        String comps = options.extra().getOrDefault("components", "3").strip();
        String cov = options.extra().getOrDefault("covariance_type", "full").strip();
        if (!cov.equals("auto") && !COVARIANCE_TYPES.contains(cov)) {
            throw new IllegalArgumentException("covariance_type = \"" + cov + "\": use one of "
                    + COVARIANCE_TYPES + " or auto");
        }
        List<Integer> componentChoices = comps.equals("auto")
                ? IntStream.rangeClosed(1, Math.min(MAX_AUTO_COMPONENTS, data.rows())).boxed().toList()
                : List.of(components(comps));
        List<String> covChoices = cov.equals("auto") ? COVARIANCE_TYPES : List.of(cov);
        if (componentChoices.getLast() > data.rows()) {
            throw new IllegalArgumentException("components = " + comps + " but the data has only " + data.rows()
                    + " rows: use at most as many components as there are points");
        }
        GaussianMixtureModel best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k : componentChoices) {
            for (String type : covChoices) {
                GaussianMixtureModel model = GaussianMixture.builder().components(k).covarianceType(type)
                        .seed(options.seed()).build().fit(data);
                double bic = componentChoices.size() * covChoices.size() == 1 ? 0 : model.bic(data);
                if (best == null || bic < bestBic) {
                    best = model;
                    bestBic = bic;
                }
            }
        }
        GaussianMixtureModel model = best;
        return new ContaminationThreshold(data.cols(), rows -> negativeLogDensity(model, rows),
                negativeLogDensity(model, data), options.contamination());
    }

    private static int components(String raw) {
        try {
            int k = Integer.parseInt(raw);
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which says what a valid value looks like
        }
        throw new IllegalArgumentException("components = \"" + raw + "\": give a whole number >= 1, or auto");
    }

    private static double[] negativeLogDensity(GaussianMixtureModel model, DataMatrix data) {
        double[] logDensity = model.scoreSamples(data);
        for (int i = 0; i < logDensity.length; i++) {
            logDensity[i] = -logDensity[i];
        }
        return logDensity;
    }
}
