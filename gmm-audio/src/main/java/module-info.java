/** gmm-audio: WAV decoding, librosa-exact speech features, folder feature extraction, the audio-emotions experiment. */
module dev.gmm.audio {
    requires transitive dev.gmm.core;
    requires dev.gmm.metrics;
    requires dev.gmm.datasets;
    // automatic module (JTransforms-3.1.jar has no module-info and no Automatic-Module-Name); it reads
    // its own dependencies, JLargeArrays and commons.math3, which resolve with it as automatic modules
    requires JTransforms;
    exports dev.gmm.audio;
    exports dev.gmm.audio.spi;
    uses dev.gmm.audio.spi.FeatureExtractor;
    provides dev.gmm.audio.spi.FeatureExtractor with dev.gmm.audio.internal.Speech27Extractor;
    provides dev.gmm.core.spi.PluginKind with dev.gmm.audio.internal.FeatureExtractorKind;
    provides dev.gmm.core.app.spi.Experiment with dev.gmm.audio.internal.AudioEmotionsExperiment;
}
