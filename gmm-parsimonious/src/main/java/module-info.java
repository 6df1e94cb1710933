/**
 * gmm-parsimonious: mclust's eigen-decomposed covariance family (EII … VVV) as {@code CovarianceModel}
 * plugins and mclust's hierarchical start as the {@code hc} initializer, written against gmm-core's
 * exported API and SPI only.
 */
module dev.gmm.parsimonious {
    requires transitive dev.gmm.core;

    exports dev.gmm.parsimonious;

    provides dev.gmm.core.spi.CovarianceModel with
            dev.gmm.parsimonious.internal.AxisAlignedModels.Eii,
            dev.gmm.parsimonious.internal.SklearnAliases.Vii,
            dev.gmm.parsimonious.internal.AxisAlignedModels.Eei,
            dev.gmm.parsimonious.internal.AxisAlignedModels.Vei,
            dev.gmm.parsimonious.internal.AxisAlignedModels.Evi,
            dev.gmm.parsimonious.internal.SklearnAliases.Vvi,
            dev.gmm.parsimonious.internal.SklearnAliases.Eee,
            dev.gmm.parsimonious.internal.OrientedModels.Vee,
            dev.gmm.parsimonious.internal.CommonOrientationModels.Eve,
            dev.gmm.parsimonious.internal.CommonOrientationModels.Vve,
            dev.gmm.parsimonious.internal.OrientedModels.Eev,
            dev.gmm.parsimonious.internal.OrientedModels.Vev,
            dev.gmm.parsimonious.internal.OrientedModels.Evv,
            dev.gmm.parsimonious.internal.SklearnAliases.Vvv;
    provides dev.gmm.core.spi.Initializer with dev.gmm.parsimonious.internal.hc.HcInitializer;
}
