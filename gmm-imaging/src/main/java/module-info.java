/** gmm-imaging: image segmentation by mixture. */
module dev.gmm.imaging {
    requires transitive dev.gmm.core;
    requires dev.gmm.datasets;
    requires dev.gmm.metrics;
    requires java.desktop;
    exports dev.gmm.imaging;
}
