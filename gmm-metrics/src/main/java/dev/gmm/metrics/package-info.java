/**
 * The public API of gmm-metrics: {@link dev.gmm.metrics.ClusteringMetrics} (internal and external
 * clustering indices), {@link dev.gmm.metrics.AnomalyMetrics} (ROC / precision-recall curves and
 * threshold reports), {@link dev.gmm.metrics.InformationCriteria} (AIC/BIC tables) and
 * {@link dev.gmm.metrics.ModelSelection} (parallel grid search), all with scikit-learn's definitions.
 * Each scalar metric is also a {@code dev.gmm.core.app.spi.ClusterMetric} provider under sklearn's name.
 */
package dev.gmm.metrics;
