/**
 * gmm-baselines: K-Means and Isolation Forest from Smile behind the core's {@code Clusterer} and
 * {@code AnomalyDetector} SPI. GPL-3.0-or-later, because it links Smile. (The GMM's own detector,
 * "gmm-density", is in gmm-core, under Apache-2.0.)
 */
module dev.gmm.baselines {
    requires transitive dev.gmm.core;
    // Smile's jars are automatic modules (Automatic-Module-Name in their manifests).
    requires smile.core;
    requires smile.base;
    // Smile logs through SLF4J; on the module path an automatic module does not pull it in by itself
    requires org.slf4j;

    exports dev.gmm.baselines;

    provides dev.gmm.core.app.spi.Clusterer with dev.gmm.baselines.KMeansClusterer;
    provides dev.gmm.core.app.spi.AnomalyDetector with dev.gmm.baselines.IsolationForestDetector;
}
