package dev.gmm.audio.internal;

import dev.gmm.audio.AudioSignal;
import dev.gmm.audio.LibrosaFeatures;
import dev.gmm.audio.spi.FeatureExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * The 27-value per-file summary of SPEC.md §12: [energy = sum y^2, mean ZCR, 12 mean chroma (C..B),
 * 13 mean MFCC], exactly as librosa 0.10.2 computes them with default parameters.
 */
public final class Speech27Extractor implements FeatureExtractor {
    private static final String[] PITCHES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>();
        n.add("energy");
        n.add("zcr_mean");
        for (String p : PITCHES) n.add("chroma_" + p);
        for (int i = 0; i < 13; i++) n.add("mfcc_" + i);
        NAMES = List.copyOf(n);
    }

    /** Service-loader constructor. */
    public Speech27Extractor() {
    }

    @Override
    public String name() {
        return "speech27";
    }

    @Override
    public String description() {
        return "energy, mean ZCR, 12 mean chroma (C..B), 13 mean MFCC: librosa 0.10.2's defaults";
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public double[] extract(AudioSignal signal) {
        float[] y = signal.samples();
        return fromPowerSpectrogram(y, signal.sampleRate(), LibrosaFeatures.powerSpectrogram(y));
    }

    /**
     * The 27 values of {@code y} given its power spectrogram, the one step that needs the FFT
     * (separate so the FFT timing can feed spectrograms from another FFT library through the rest).
     */
    public static double[] fromPowerSpectrogram(float[] y, int sr, double[][] power) {
        double[][] mfcc = LibrosaFeatures.mfccFromDb(
                LibrosaFeatures.powerToDb(LibrosaFeatures.melSpectrogram(power, sr)), 13);
        double[][] chroma = LibrosaFeatures.chroma(power, sr, LibrosaFeatures.estimateTuning(power, sr));
        double[] zcr = LibrosaFeatures.zeroCrossingRate(y);
        double[] out = new double[27];
        out[0] = LibrosaFeatures.energy(y);
        out[1] = LibrosaFeatures.rowMeans(new double[][] {zcr})[0];
        System.arraycopy(LibrosaFeatures.rowMeans(chroma), 0, out, 2, 12);
        System.arraycopy(LibrosaFeatures.rowMeans(mfcc), 0, out, 14, 13);
        return out;
    }
}
