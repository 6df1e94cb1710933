package dev.gmm.core.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.FittedClusterer;

/**
 * The mixture as a {@link Clusterer} ("gmm"), so experiments compare it with K-Means by name.
 * Extra options: covariance_type, init_params, reg_covar, max_iter, tol.
 */
public final class GaussianMixtureClusterer implements Clusterer {

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public String description() {
        return "Gaussian mixture fitted by EM; labels are the most responsible components";
    }

    @Override
    public FittedClusterer fit(DataMatrix data, Options options) {
        var extra = options.extra();
        GaussianMixture.Builder b = GaussianMixture.builder()
                .components(options.clusters())
                .seed(options.seed())
                .nInit(options.nInit())
                .covarianceType(extra.getOrDefault("covariance_type", "full"))
                .initMethod(extra.getOrDefault("init_params", "kmeans"));
        if (extra.containsKey("reg_covar")) {
            b.regCovar(Double.parseDouble(extra.get("reg_covar")));
        }
        if (extra.containsKey("max_iter")) {
            b.maxIter(Integer.parseInt(extra.get("max_iter")));
        }
        if (extra.containsKey("tol")) {
            b.tol(Double.parseDouble(extra.get("tol")));
        }
        GaussianMixtureModel model = b.build().fit(data);
        int[] labels = model.predict(data);
        return new Fitted(model, labels);
    }

    /** A fitted mixture seen as a clustering. */
    public record Fitted(GaussianMixtureModel model, int[] trainingLabels) implements FittedClusterer {
        @Override
        public int clusters() {
            return model.components();
        }

        @Override
        public double[][] centers() {
            return model.means();
        }

        @Override
        public int[] labels() {
            return trainingLabels.clone();
        }

        @Override
        public int[] predict(DataMatrix data) {
            return model.predict(data);
        }

        @Override
        public double[][] predictProba(DataMatrix data) {
            return model.predictProba(data);
        }
    }
}
