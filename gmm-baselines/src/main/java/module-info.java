/** gmm-baselines: K-Means and Isolation Forest (Smile) and GMM anomaly detection. GPL-3.0 (links Smile). */
module dev.gmm.baselines {
    requires transitive dev.gmm.core;
    exports dev.gmm.baselines;
}
