/**
 * An example third-party plugin: a full-matrix covariance model ("oas", each component's covariance
 * shrunk toward a scaled identity) written against gmm-core's exported SPI and linear algebra only.
 */
module dev.gmm.example.shrinkage {
    requires dev.gmm.core;

    provides dev.gmm.core.spi.CovarianceModel with dev.gmm.example.shrinkage.OasCovariance;
}
