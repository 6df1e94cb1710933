package dev.gmm.audio;

import dev.gmm.audio.internal.Speech27Extractor;
import dev.gmm.testsupport.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How many files of a folder get librosa's tuning estimate, chroma means and 27-vector; a program,
 * not a test (the folder is real data that tests must not need). The references come from
 * {@code scripts/librosa_references.py} (real librosa 0.10.2.post1). Run from the repository root:
 * <pre>
 * java -cp gmm-audio/target/classes:gmm-audio/target/test-classes:$(cat /tmp/cp.txt) \
 *      dev.gmm.audio.LibrosaAgreement gmm-audio/scripts/ravdess-actors-01-12.librosa.json /work/shared/datasets/ravdess
 * </pre>
 * Chroma means and the 27-vector are compared with SPEC.md §13's summary tolerance (1e-5 relative
 * + 2e-4 absolute); the tuning estimate exactly.
 */
public final class LibrosaAgreement {
    private LibrosaAgreement() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws IOException {
        Map<String, Object> references = Json.obj(Json.parse(Files.readString(Path.of(args[0]))), "files");
        Path folder = Path.of(args[1]);
        int tuning = 0, chroma = 0, whole = 0;
        for (Map.Entry<String, Object> e : references.entrySet()) {
            Map<String, Object> ref = (Map<String, Object>) e.getValue();
            AudioSignal signal = WavReader.read(folder.resolve(e.getKey()));
            double[][] power = LibrosaFeatures.powerSpectrogram(signal.samples());
            double got = LibrosaFeatures.estimateTuning(power, signal.sampleRate());
            double[] vector = Speech27Extractor.fromPowerSpectrogram(signal.samples(), signal.sampleRate(), power);
            double[] expected = Json.vec(ref.get("summary_27"));
            double want = ((Number) ref.get("tuning")).doubleValue();
            boolean tuningOk = Math.abs(got - want) < 1e-9;
            boolean chromaOk = close(vector, expected, 2, 14);
            tuning += tuningOk ? 1 : 0;
            chroma += chromaOk ? 1 : 0;
            whole += close(vector, expected, 0, 27) ? 1 : 0;
            if (!tuningOk || !chromaOk) {
                System.out.printf(Locale.ROOT, "  %s: tuning %+.2f, librosa %+.2f%n", e.getKey(), got, want);
            }
        }
        int n = references.size();
        System.out.printf(Locale.ROOT, "tuning estimate equal: %d/%d; chroma means: %d/%d; whole 27-vector: %d/%d%n",
                tuning, n, chroma, n, whole, n);
    }

    private static boolean close(double[] got, double[] ref, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Math.abs(got[i] - ref[i]) > 1e-5 * Math.abs(ref[i]) + 2e-4) {
                return false;
            }
        }
        return true;
    }
}
