package dev.gmm.bench;

import dev.gmm.core.DataMatrix;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * One of the shared benchmark workloads (see /work/shared/bench/README.md): its data and an explicit
 * start. When {@code GMMBENCH_DATA} names a directory holding the files gen_data.py wrote, they are
 * read (the very bytes every peer uses); otherwise data of the same shape are generated here, which
 * is fine for kernel-vs-kernel timing but not for cross-peer comparisons.
 *
 * @param name        W1..W4
 * @param data        N×D
 * @param weights     start weights (K)
 * @param means       start means (K×D)
 * @param covariances start covariance matrices, full (K×D×D), for peers that take covariances
 * @param precisions  start precision matrices, full (K×D×D)
 * @param diagonalVariances  start variances for "diag", K×D, for peers that take variances
 * @param diagonalPrecisions start precisions for "diag" (the reciprocals, as written by gen_data.py), K×D
 * @param source      where the data came from, for the log
 */
public record Workload(String name, DataMatrix data, double[] weights, double[][] means, double[][][] covariances,
                       double[][][] precisions, double[][] diagonalVariances,
                       double[][] diagonalPrecisions, String source) {

    /** N, D, K, seed and spread exactly as in common.py. */
    private record Shape(int n, int d, int k, long seed, double spread) {
    }

    private static Shape shape(String name) {
        return switch (name) {
            case "W1" -> new Shape(100_000, 2, 3, 101, 3.0);
            case "W2" -> new Shape(200_000, 16, 16, 202, 1.5);
            case "W3" -> new Shape(1_000_000, 16, 16, 303, 1.5);
            case "W4" -> new Shape(100_000, 64, 8, 404, 1.0);
            default -> throw new IllegalArgumentException("workload " + name + " is unknown: use W1, W2, W3 or W4");
        };
    }

    /** Loads from $GMMBENCH_DATA when its files exist, else generates. */
    public static Workload load(String name) throws IOException {
        Shape s = shape(name);
        String dir = System.getenv("GMMBENCH_DATA");
        if (dir != null) {
            Path x = Path.of(dir, name + ".x.f64");
            Path full = Path.of(dir, name + ".init.full.f64");
            Path diag = Path.of(dir, name + ".init.diag.f64");
            if (Files.exists(x) && Files.exists(full) && Files.exists(diag)) {
                return read(name, s, x, full, diag);
            }
        }
        return generate(name, s);
    }

    /**
     * The first {@code expected} little-endian doubles of the file, read through a memory map so that
     * the only copy on the heap is the result (W3's data are 128 MB: the heap holds them once).
     */
    private static double[] doubles(Path p, long expected) throws IOException {
        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < expected * 8) {
                throw new IOException(p + " has " + size + " bytes, expected at least " + expected * 8
                        + ": regenerate it with gen_data.py");
            }
            double[] out = new double[Math.toIntExact(expected)];
            channel.map(FileChannel.MapMode.READ_ONLY, 0, expected * 8).order(ByteOrder.LITTLE_ENDIAN)
                    .asDoubleBuffer().get(out);
            return out;
        }
    }

    private static Workload read(String name, Shape s, Path x, Path full, Path diag) throws IOException {
        int n = s.n(), d = s.d(), k = s.k();
        DataMatrix data = DataMatrix.wrap(doubles(x, (long) n * d), n, d);
        double[] f = doubles(full, k + k * d + 2L * k * d * d);
        double[] g = doubles(diag, k + k * d + 2L * k * d);
        double[] weights = java.util.Arrays.copyOfRange(f, 0, k);
        double[][] means = new double[k][d];
        double[][][] covariances = new double[k][d][d];
        double[][][] precisions = new double[k][d][d];
        double[][] variances = new double[k][d];
        double[][] diagonal = new double[k][d];
        int covarianceOffset = k + k * d;
        int precisionOffset = k + k * d + k * d * d;
        int varianceOffset = k + k * d;
        int diagonalOffset = k + k * d + k * d;
        for (int c = 0; c < k; c++) {
            System.arraycopy(f, k + c * d, means[c], 0, d);
            for (int i = 0; i < d; i++) {
                System.arraycopy(f, covarianceOffset + (c * d + i) * d, covariances[c][i], 0, d);
                System.arraycopy(f, precisionOffset + (c * d + i) * d, precisions[c][i], 0, d);
            }
            System.arraycopy(g, varianceOffset + c * d, variances[c], 0, d);
            System.arraycopy(g, diagonalOffset + c * d, diagonal[c], 0, d);
        }
        return new Workload(name, data, weights, means, covariances, precisions, variances, diagonal,
                "files in " + x.getParent());
    }

    /** Blobs around K random centres, and a start from perturbed centres with unit precision. */
    private static Workload generate(String name, Shape s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        int n = s.n(), d = s.d(), k = s.k();
        double[][] centres = new double[k][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = s.spread() * r.nextDouble(-3, 3);
            }
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] c = centres[r.nextInt(k)];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = c[j] + gaussian(r);
            }
        }
        double[] weights = new double[k];
        java.util.Arrays.fill(weights, 1.0 / k);
        double[][] means = new double[k][d];
        double[][][] covariances = new double[k][d][d];
        double[][][] precisions = new double[k][d][d];
        double[][] variances = new double[k][d];
        double[][] diagonal = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] = centres[c][j] + 0.5 * gaussian(r);
                covariances[c][j][j] = 1;
                precisions[c][j][j] = 1;
                variances[c][j] = 1;
                diagonal[c][j] = 1;
            }
        }
        return new Workload(name, DataMatrix.wrap(x, n, d), weights, means, covariances, precisions, variances, diagonal,
                "generated in Java (set GMMBENCH_DATA to use gen_data.py's files)");
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
