/**
 * gmm-core: Gaussian mixtures fitted by EM, the kernel, and the SPI every other module plugs into.
 * Depends on the JDK alone; the Vector API is optional at run time (see {@code Kernels}).
 */
module dev.gmm.core {
    requires static jdk.incubator.vector;

    exports dev.gmm.core;
    // Two SPI packages: what EM itself calls, and what only the app and experiments call (see their
    // package-info), so the SPI the EM loop calls does not carry clusterers, metrics or experiments.
    exports dev.gmm.core.spi;
    exports dev.gmm.core.app.spi;
    exports dev.gmm.core.linalg;
    exports dev.gmm.core.experiment;

    // Plugins is the one registry for every kind, so the core uses all of them.
    uses dev.gmm.core.spi.CovarianceModel;
    uses dev.gmm.core.spi.Initializer;
    uses dev.gmm.core.spi.PluginKind;
    uses dev.gmm.core.app.spi.Clusterer;
    uses dev.gmm.core.app.spi.AnomalyDetector;
    uses dev.gmm.core.app.spi.ClusterMetric;
    uses dev.gmm.core.app.spi.DatasetProvider;
    uses dev.gmm.core.app.spi.Experiment;

    provides dev.gmm.core.spi.CovarianceModel with
            dev.gmm.core.internal.covariance.FullCovariance,
            dev.gmm.core.internal.covariance.TiedCovariance,
            dev.gmm.core.internal.covariance.DiagCovariance,
            dev.gmm.core.internal.covariance.SphericalCovariance;
    provides dev.gmm.core.spi.Initializer with
            dev.gmm.core.internal.init.KMeansInitializer,
            dev.gmm.core.internal.init.KMeansPlusPlusInitializer,
            dev.gmm.core.internal.init.RandomInitializer,
            dev.gmm.core.internal.init.RandomFromDataInitializer;
    provides dev.gmm.core.app.spi.Clusterer with
            dev.gmm.core.internal.GaussianMixtureClusterer;
    provides dev.gmm.core.app.spi.AnomalyDetector with
            dev.gmm.core.internal.GmmDensityDetector;
}
