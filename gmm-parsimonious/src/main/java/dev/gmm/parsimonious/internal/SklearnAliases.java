package dev.gmm.parsimonious.internal;

import dev.gmm.core.Plugins;
import dev.gmm.core.ShapedArray;
import dev.gmm.core.spi.CovarianceDecomposition;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;
import dev.gmm.parsimonious.MclustModel;

/**
 * The four mclust models scikit-learn has, under mclust's names: each is the core's own provider
 * (VII spherical, VVI diag, EEE tied, VVV full) with its shapes and parameter count, so a model file
 * written as {@code "eee"} keeps scikit-learn's tied layout and reads back through the same code.
 */
public final class SklearnAliases {
    private SklearnAliases() {
    }

    /** VII = spherical. */
    public static final class Vii extends Alias {
        public Vii() {
            super(MclustModel.VII);
        }
    }

    /** VVI = diag. */
    public static final class Vvi extends Alias {
        public Vvi() {
            super(MclustModel.VVI);
        }
    }

    /** EEE = tied. */
    public static final class Eee extends Alias {
        public Eee() {
            super(MclustModel.EEE);
        }
    }

    /** VVV = full. */
    public static final class Vvv extends Alias {
        public Vvv() {
            super(MclustModel.VVV);
        }
    }

    /** Delegates to the core's provider, found by name when first used (not while the registry discovers). */
    abstract static class Alias implements CovarianceModel {
        private final MclustModel model;

        Alias(MclustModel model) {
            this.model = model;
        }

        private CovarianceModel target() {
            return Plugins.covarianceModel(model.sklearnType());
        }

        @Override
        public String name() {
            return model.providerName();
        }

        @Override
        public String description() {
            return model.description();
        }

        @Override
        public ScatterKind scatterKind() {
            return target().scatterKind();
        }

        @Override
        public CovarianceParameters estimate(SufficientStatistics statistics, double regCovar) {
            return target().estimate(statistics, regCovar);
        }

        @Override
        public CovarianceParameters fromPrecisions(ShapedArray precisions, int components, int features) {
            return target().fromPrecisions(precisions, components, features);
        }

        @Override
        public CovarianceParameters fromCovariances(ShapedArray covariances, int components, int features) {
            return target().fromCovariances(covariances, components, features);
        }

        @Override
        public int[] precisionShape(int components, int features) {
            return target().precisionShape(components, features);
        }

        @Override
        public java.util.Optional<CovarianceDecomposition> decomposition(CovarianceParameters parameters) {
            return java.util.Optional.of(MclustDecomposition.of(model, parameters));
        }

        @Override
        public long covarianceParameterCount(int components, int features) {
            return model.covarianceParameterCount(components, features);
        }
    }
}
