/** gmm-imaging: image segmentation by mixture. */
module dev.gmm.imaging {
    requires transitive dev.gmm.core;
    requires transitive java.desktop;
    exports dev.gmm.imaging;

    provides dev.gmm.core.spi.Experiment with dev.gmm.imaging.SegmentImageExperiment,
            dev.gmm.imaging.SegmentDigitsExperiment,
            dev.gmm.imaging.SegmentColourImagesExperiment;
}
