/** gmm-audio: WAV decoding, librosa-exact speech features, emotion clustering. */
module dev.gmm.audio {
    requires transitive dev.gmm.core;
    requires dev.gmm.datasets;
    requires dev.gmm.metrics;
    exports dev.gmm.audio;
}
