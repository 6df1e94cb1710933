package dev.gmm.audio;

import dev.gmm.testsupport.Json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.audio.internal.Speech27Extractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every WAV of the librosa-audio fixtures (src/test/resources/librosa-audio, copied from
 * shared/fixtures/librosa-audio) and of the RAVDESS fixtures (src/test/resources/librosa-ravdess:
 * the recordings of actors 01-12 whose tuning estimate a float64 pipeline got wrong) reproduces
 * librosa 0.10.2.post1's samples, ZCR, RMS, mel, dB, MFCC, tuning, chroma and 27-vector within
 * SPEC.md §13's tolerances; the tuning estimate exactly.
 */
class LibrosaFixturesTest {
    static final Path ROOT = resource("librosa-audio");

    static Path resource(String name) {
        try {
            return Path.of(LibrosaFixturesTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fixture ids, "folder/name": the 10 synthetic files and the 7 RAVDESS recordings. */
    static Stream<String> fixtures() throws Exception {
        return Stream.concat(names("librosa-audio", 10), names("librosa-ravdess", 7));
    }

    private static Stream<String> names(String folder, int expected) throws Exception {
        try (Stream<Path> s = Files.list(resource(folder).resolve("json"))) {
            List<String> names = s.map(p -> folder + "/" + p.getFileName().toString().replace(".json", "")).sorted().toList();
            assertThat(names).as(folder).hasSize(expected);
            return names.stream();
        }
    }

    record Fixture(Map<String, Object> json, AudioSignal signal) {
        Map<String, Object> feature(String name) {
            return Json.obj(Json.obj(json, "features"), name);
        }
    }

    @SuppressWarnings("unchecked")
    static Fixture load(String id) throws Exception {
        Path folder = resource(id.substring(0, id.indexOf('/')));
        String name = id.substring(id.indexOf('/') + 1);
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(folder.resolve("json/" + name + ".json")));
        return new Fixture(json, WavReader.read(folder.resolve("wav/" + name + ".wav")));
    }

    static void close(String what, double[] got, double[] ref, double rtol, double atol) {
        assertThat(got).as(what + " length").hasSameSizeAs(ref);
        for (int i = 0; i < ref.length; i++) {
            double err = Math.abs(got[i] - ref[i]);
            assertThat(err).as("%s[%d]: got %s, librosa %s", what, i, got[i], ref[i]).isLessThanOrEqualTo(atol + rtol * Math.abs(ref[i]));
        }
    }

    /** Compares the stored frames and the all-frame means of one feature matrix. */
    static void closeMatrix(String what, double[][] got, Map<String, Object> ref, double rtol, double atol) {
        int stored = ((Number) ref.get("frames_stored")).intValue();
        double[][] data = Json.mat(ref.get("data"));
        assertThat(got.length).as(what + " rows").isEqualTo(data.length);
        for (int r = 0; r < data.length; r++) {
            close(what + " row " + r, java.util.Arrays.copyOf(got[r], stored), data[r], rtol, atol);
        }
        close(what + " means", LibrosaFeatures.rowMeans(got), Json.vec(ref.get("mean_over_all_frames")), rtol, atol);
    }

    static double max(double[][] m) {
        double x = 0;
        for (double[] r : m) for (double v : r) x = Math.max(x, v);
        return x;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decodedSamplesAreExactlyLibrosas(String name) throws Exception {
        Fixture f = load(name);
        float[] y = f.signal().samples();
        assertThat(f.signal().sampleRate()).isEqualTo(((Number) f.json().get("sample_rate")).intValue());
        assertThat(y.length).isEqualTo(((Number) f.json().get("n_samples")).intValue());
        double[] first = Json.vec(f.json().get("y_first_64"));
        for (int i = 0; i < first.length; i++) assertThat((double) y[i]).as("y[%d]", i).isEqualTo(first[i]);
        Map<String, Object> mid = Json.obj(f.json(), "y_mid_64");
        int start = ((Number) mid.get("start_index")).intValue();
        double[] mv = Json.vec(mid.get("values"));
        for (int i = 0; i < mv.length; i++) assertThat((double) y[start + i]).as("y[%d]", start + i).isEqualTo(mv[i]);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void zcrIsExactAndRmsClose(String name) throws Exception {
        Fixture f = load(name);
        float[] y = f.signal().samples();
        assertThat(LibrosaFeatures.frames(y.length)).isEqualTo(((Number) f.json().get("n_frames")).intValue());
        closeMatrix("zcr", new double[][] {LibrosaFeatures.zeroCrossingRate(y)}, f.feature("zero_crossing_rate"), 0, 1e-12);
        closeMatrix("rms", new double[][] {LibrosaFeatures.rms(y)}, f.feature("rms"), 1e-5, 1e-7);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void spectrogramMelDbAndMfccMatch(String name) throws Exception {
        Fixture f = load(name);
        int sr = f.signal().sampleRate();
        double[][] p = LibrosaFeatures.powerSpectrogram(f.signal().samples());
        double[] frame0 = new double[LibrosaFeatures.BINS];
        for (int k = 0; k < frame0.length; k++) frame0[k] = p[k][0];
        double[] ref0 = Json.vec(Json.obj(f.json(), "stft_power_frames").get("frame_0"));
        double m0 = java.util.Arrays.stream(ref0).max().orElse(0);
        close("stft frame 0", frame0, ref0, 1e-5, 1e-6 * m0 + 1e-12);
        double[][] mel = LibrosaFeatures.melSpectrogram(p, sr);
        closeMatrix("mel", mel, f.feature("melspectrogram"), 1e-4, 1e-6 * max(mel));
        double[][] db = LibrosaFeatures.powerToDb(mel);
        closeMatrix("mel dB", db, f.feature("melspectrogram_db"), 0, 1e-3);
        closeMatrix("mfcc", LibrosaFeatures.mfccFromDb(db, 13), f.feature("mfcc"), 0, 2e-3);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void tuningEstimateAndChromaMatch(String name) throws Exception {
        Fixture f = load(name);
        int sr = f.signal().sampleRate();
        double[][] p = LibrosaFeatures.powerSpectrogram(f.signal().samples());
        double tuning = LibrosaFeatures.estimateTuning(p, sr);
        assertThat(tuning).isCloseTo(((Number) f.feature("chroma_stft").get("tuning_estimate")).doubleValue(),
                org.assertj.core.data.Offset.offset(1e-9));
        closeMatrix("chroma", LibrosaFeatures.chroma(p, sr, tuning), f.feature("chroma_stft"), 1e-4, 1e-5);
        closeMatrix("chroma tuning 0", LibrosaFeatures.chroma(p, sr, 0.0), f.feature("chroma_stft_tuning0"), 1e-4, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void speech27VectorMatchesLibrosa(String name) throws Exception {
        Fixture f = load(name);
        double[] got = new Speech27Extractor().extract(f.signal());
        double[] ref = Json.vec(Json.obj(f.json(), "summary_27").get("values"));
        close("summary 0..13", java.util.Arrays.copyOf(got, 14), java.util.Arrays.copyOf(ref, 14), 1e-4, 1e-12);
        close("summary mfcc", java.util.Arrays.copyOfRange(got, 14, 27), java.util.Arrays.copyOfRange(ref, 14, 27), 0, 2e-3);
    }

    @Test
    void melFilterbanksMatchLibrosa() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("filters"))) {
            for (Path p : s.filter(q -> q.getFileName().toString().startsWith("mel_")).toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = (Map<String, Object>) Json.parse(Files.readString(p));
                double[][] w = LibrosaFeatures.melFilterbank(((Number) d.get("sample_rate")).intValue());
                @SuppressWarnings("unchecked")
                List<Object> bands = (List<Object>) d.get("bands");
                for (int m = 0; m < bands.size(); m++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> b = (Map<String, Object>) bands.get(m);
                    int first = ((Number) b.get("first_bin")).intValue();
                    double[] ref = new double[LibrosaFeatures.BINS];
                    double[] ws = Json.vec(b.get("weights"));
                    System.arraycopy(ws, 0, ref, first, ws.length);
                    close(p.getFileName() + " band " + m, w[m], ref, 1e-6, 1e-9);
                }
            }
        }
    }

    @Test
    void chromaFilterbanksMatchLibrosa() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("filters"))) {
            List<Path> paths = s.filter(q -> q.getFileName().toString().startsWith("chroma_")).toList();
            assertThat(paths).hasSize(4);
            for (Path p : paths) {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = (Map<String, Object>) Json.parse(Files.readString(p));
                double[][] g = LibrosaFeatures.chromaFilterbank(((Number) d.get("sample_rate")).intValue(),
                        ((Number) d.get("tuning")).doubleValue());
                double[][] ref = Json.mat(d.get("data"));
                for (int c = 0; c < 12; c++) close(p.getFileName() + " row " + c, g[c], ref[c], 1e-6, 1e-9);
            }
        }
    }
}
