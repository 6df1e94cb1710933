package dev.gmm.audio;

import dev.gmm.audio.internal.Speech27Extractor;
import dev.gmm.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The timings behind the README's FFT choice and speed numbers; a program, not a test (tests check
 * correctness, never timings). Run from the module with its test class path, e.g.
 * <pre>
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl gmm-audio
 * java -cp gmm-audio/target/classes:gmm-audio/target/test-classes:$(cat /tmp/cp.txt) \
 *      dev.gmm.audio.FeatureTiming fft|files DIR|folder DIR [repeats]
 * </pre>
 * {@code fft}: CPU microseconds per real 2048-point transform, JTransforms vs Commons Math.
 * {@code files}: CPU milliseconds per file for the whole speech27 vector, sequential, with the STFT
 * on JTransforms vs Commons Math. {@code folder}: seconds (wall and CPU) to featurize a folder in
 * parallel, repeated in one JVM (the first run is the cold one). CPU time (of the process, in
 * clock ticks) rather than wall time, because the machine is shared: wall time there also counts
 * waiting for a core.
 */
public final class FeatureTiming {
    private static final int N = LibrosaFeatures.N_FFT;

    private FeatureTiming() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "fft";
        switch (mode) {
            case "fft" -> fft(args.length > 1 ? Integer.parseInt(args[1]) : 10);
            case "files" -> files(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
            case "folder" -> folder(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
            default -> throw new IllegalArgumentException("mode must be fft, files DIR or folder DIR, got " + mode);
        }
    }

    private static void fft(int repeats) {
        Random random = new Random(1);
        double[][] frames = new double[376][N]; // one 4 s RAVDESS file at 48 kHz: 1 + 192000 / 512 frames
        for (double[] f : frames) for (int i = 0; i < N; i++) f[i] = random.nextGaussian();
        DoubleFFT_1D jt = new DoubleFFT_1D(N);
        FastFourierTransformer cm = new FastFourierTransformer(DftNormalization.STANDARD);
        double sink = 0;
        int iterations = 50;
        double n = (double) iterations * frames.length;
        for (int rep = 0; rep < repeats; rep++) {
            long[] cpu = new long[4];
            cpu[0] = cpuNanos();
            for (int it = 0; it < iterations; it++) for (double[] f : frames) {
                double[] b = f.clone();
                jt.realForward(b);
                sink += b[2];
            }
            cpu[1] = cpuNanos();
            for (int it = 0; it < iterations; it++) for (double[] f : frames) {
                Complex[] z = cm.transform(f, TransformType.FORWARD);
                sink += z[1].getReal();
            }
            cpu[2] = cpuNanos();
            for (int it = 0; it < iterations; it++) for (double[] f : frames) {
                double[][] b = {f.clone(), new double[N]};
                FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.FORWARD);
                sink += b[0][1];
            }
            cpu[3] = cpuNanos();
            System.out.printf(Locale.ROOT, "repeat %d, CPU us per 2048-point FFT: JTransforms realForward %.1f | "
                            + "Commons Math transform (Complex[]) %.1f | Commons Math transformInPlace %.1f%n",
                    rep, (cpu[1] - cpu[0]) / 1e3 / n, (cpu[2] - cpu[1]) / 1e3 / n, (cpu[3] - cpu[2]) / 1e3 / n);
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** The power spectrogram of LibrosaFeatures (librosa's float32 values), with Commons Math's FFT. */
    static double[][] powerSpectrogramCommonsMath(float[] y) {
        int t = LibrosaFeatures.frames(y.length);
        double[][] p = new double[LibrosaFeatures.BINS][t];
        double[] window = new double[N];
        for (int m = 0; m < N; m++) window[m] = 0.5 - 0.5 * Math.cos(2 * Math.PI * m / N);
        for (int f = 0; f < t; f++) {
            double[][] ri = new double[2][N];
            int start = f * LibrosaFeatures.HOP - N / 2;
            for (int m = 0; m < N; m++) {
                int i = start + m;
                ri[0][m] = (i >= 0 && i < y.length) ? window[m] * y[i] : 0.0;
            }
            FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
            for (int k = 0; k < LibrosaFeatures.BINS; k++) {
                float magnitude = dev.gmm.audio.internal.NumpyFloat32.complexAbs((float) ri[0][k], (float) ri[1][k]);
                p[k][f] = magnitude * magnitude;
            }
        }
        return p;
    }

    private static void files(Path dir, int repeats) throws IOException {
        List<AudioSignal> signals = wavs(dir).stream().limit(8).map(FeatureTiming::read).toList();
        double maxDiff = 0;
        for (int rep = 0; rep < repeats; rep++) {
            long stftJt = 0, stftCm = 0, allJt = 0, allCm = 0;
            for (int pass = 0; pass < 4; pass++) {
                for (AudioSignal s : signals) {
                    long t0 = cpuNanos();
                    double[][] pj = LibrosaFeatures.powerSpectrogram(s.samples());
                    long t1 = cpuNanos();
                    double[] vj = Speech27Extractor.fromPowerSpectrogram(s.samples(), s.sampleRate(), pj);
                    long t2 = cpuNanos();
                    double[][] pc = powerSpectrogramCommonsMath(s.samples());
                    long t3 = cpuNanos();
                    double[] vc = Speech27Extractor.fromPowerSpectrogram(s.samples(), s.sampleRate(), pc);
                    long t4 = cpuNanos();
                    stftJt += t1 - t0;
                    allJt += t2 - t0;
                    stftCm += t3 - t2;
                    allCm += t4 - t2;
                    for (int i = 0; i < vj.length; i++) {
                        maxDiff = Math.max(maxDiff, Math.abs(vj[i] - vc[i]) / Math.max(1e-12, Math.abs(vc[i])));
                    }
                }
            }
            double n = 4 * signals.size() * 1e6;
            System.out.printf(Locale.ROOT, "repeat %d, CPU ms per file (one thread): STFT JTransforms %.1f, Commons Math %.1f"
                            + " | whole speech27 JTransforms %.1f, Commons Math %.1f%n",
                    rep, stftJt / n, stftCm / n, allJt / n, allCm / n);
        }
        System.out.printf(Locale.ROOT, "largest relative difference of the two 27-vectors: %.2e%n", maxDiff);
    }

    private static void folder(Path dir, int repeats) throws IOException {
        var speech = FeatureExtractors.find("speech27");
        // CPU seconds of the whole process beside the wall time: on a shared machine the wall time
        // also counts waiting for the cores, CPU time / 2 is what two free cores would take
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime(), c0 = cpuNanos();
            FeatureTable t = FeatureTable.extractFolder(dir, speech, ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "run %d: %s in %.2f s wall, %.2f s CPU (parallel stream: the caller and "
                            + "%d common-pool workers)%n",
                    rep, t.summary(), (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9,
                    java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static List<Path> wavs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    private static AudioSignal read(Path p) {
        try {
            return WavReader.read(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
