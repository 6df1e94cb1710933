/**
 * gmm-baselines: K-Means and Isolation Forest (Smile) and GMM anomaly detection behind the core's
 * {@code Clusterer} and {@code AnomalyDetector} SPI. GPL-3.0, because it links Smile.
 */
module dev.gmm.baselines {
    requires transitive dev.gmm.core;
    // Smile's jars are automatic modules (Automatic-Module-Name in their manifests).
    requires smile.core;
    requires smile.base;

    exports dev.gmm.baselines;

    provides dev.gmm.core.spi.Clusterer with dev.gmm.baselines.KMeansClusterer;
    provides dev.gmm.core.spi.AnomalyDetector with
            dev.gmm.baselines.GmmDensityDetector,
            dev.gmm.baselines.IsolationForestDetector;
}
