/** An example third-party plugin: the "tied-diag" covariance model and the "cluster_balance" metric. */
module dev.gmm.example.tieddiag {
    requires dev.gmm.core;

    provides dev.gmm.core.spi.CovarianceModel with dev.gmm.example.tieddiag.TiedDiagonalCovariance;
    provides dev.gmm.core.app.spi.ClusterMetric with dev.gmm.example.tieddiag.ClusterBalance;
}
