/** gmm-metrics: clustering, anomaly and model-selection metrics. */
module dev.gmm.metrics {
    requires transitive dev.gmm.core;
    exports dev.gmm.metrics;
}
