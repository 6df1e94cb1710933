/**
 * gmm-audio: {@link dev.gmm.audio.WavReader} decodes WAV files, {@link dev.gmm.audio.LibrosaFeatures}
 * computes librosa-exact spectral features and {@link dev.gmm.audio.FeatureTable} featurizes folders
 * with a {@link dev.gmm.audio.spi.FeatureExtractor} such as "speech27".
 */
package dev.gmm.audio;
