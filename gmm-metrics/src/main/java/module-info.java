/** gmm-metrics: clustering, anomaly and model-selection metrics at scikit-learn parity. */
module dev.gmm.metrics {
    requires transitive dev.gmm.core;
    exports dev.gmm.metrics;

    provides dev.gmm.core.app.spi.ClusterMetric with
            dev.gmm.metrics.internal.MetricProviders.SilhouetteScore,
            dev.gmm.metrics.internal.MetricProviders.CalinskiHarabaszScore,
            dev.gmm.metrics.internal.MetricProviders.DaviesBouldinScore,
            dev.gmm.metrics.internal.MetricProviders.AdjustedRandScore,
            dev.gmm.metrics.internal.MetricProviders.NormalizedMutualInfoScore,
            dev.gmm.metrics.internal.MetricProviders.AdjustedMutualInfoScore,
            dev.gmm.metrics.internal.MetricProviders.HomogeneityScore,
            dev.gmm.metrics.internal.MetricProviders.CompletenessScore,
            dev.gmm.metrics.internal.MetricProviders.VMeasureScore,
            dev.gmm.metrics.internal.MetricProviders.FowlkesMallowsScore,
            dev.gmm.metrics.internal.MetricProviders.BestMapAccuracy,
            dev.gmm.metrics.internal.MetricProviders.RocAucScore,
            dev.gmm.metrics.internal.MetricProviders.AveragePrecisionScore;
}
