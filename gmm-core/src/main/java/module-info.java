/**
 * gmm-core: Gaussian mixtures fitted by EM, the kernel, and the SPI every other module plugs into.
 * Depends on the JDK alone; the Vector API is optional at run time (see {@code Kernels}).
 */
module dev.gmm.core {
    requires static jdk.incubator.vector;

    exports dev.gmm.core;
    exports dev.gmm.core.spi;
    exports dev.gmm.core.linalg;
    exports dev.gmm.core.experiment;

    uses dev.gmm.core.spi.CovarianceModel;
    uses dev.gmm.core.spi.Initializer;
    uses dev.gmm.core.spi.Clusterer;
    uses dev.gmm.core.spi.AnomalyDetector;
    uses dev.gmm.core.spi.ClusterMetric;
    uses dev.gmm.core.spi.DatasetProvider;
    uses dev.gmm.core.spi.Experiment;
    uses dev.gmm.core.spi.PluginKind;

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
    provides dev.gmm.core.spi.Clusterer with
            dev.gmm.core.internal.GaussianMixtureClusterer;
    provides dev.gmm.core.spi.AnomalyDetector with
            dev.gmm.core.internal.GmmDensityDetector;
}
