/** gmm-imaging: image segmentation by mixture. */
module dev.gmm.imaging {
    requires transitive dev.gmm.core;
    requires transitive java.desktop;
    requires dev.gmm.datasets;
    requires dev.gmm.metrics;
    exports dev.gmm.imaging;

    // The image experiments are providers, not API: they live in the non-exported internal package.
    provides dev.gmm.core.app.spi.Experiment with dev.gmm.imaging.internal.SegmentImageExperiment,
            dev.gmm.imaging.internal.SegmentDigitsExperiment,
            dev.gmm.imaging.internal.SegmentColourImagesExperiment,
            dev.gmm.imaging.internal.ClusterDigitsExperiment;
}
