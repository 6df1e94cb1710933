/** gmm-imaging: image segmentation by mixture. */
module dev.gmm.imaging {
    requires transitive dev.gmm.core;
    requires transitive java.desktop;
    requires dev.gmm.datasets;
    requires dev.gmm.metrics;
    exports dev.gmm.imaging;

    provides dev.gmm.core.app.spi.Experiment with dev.gmm.imaging.SegmentImageExperiment,
            dev.gmm.imaging.SegmentDigitsExperiment,
            dev.gmm.imaging.SegmentColourImagesExperiment,
            dev.gmm.imaging.ClusterDigitsExperiment;
}
