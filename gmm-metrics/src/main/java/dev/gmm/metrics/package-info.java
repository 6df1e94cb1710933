/** The public API of gmm-metrics. */
package dev.gmm.metrics;
