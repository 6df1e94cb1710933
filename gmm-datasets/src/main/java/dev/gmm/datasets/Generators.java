package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data with the statistics of scikit-learn's {@code make_blobs} (not its exact
 * random stream): isotropic Gaussian blobs, an anisotropic transform of them, blobs with uniform
 * outliers, and the study's 1-D mixture. The same seed gives the same data.
 */
public final class Generators {
    /** sklearn's default {@code center_box}. */
    public static final double BOX_LOW = -10;
    /** sklearn's default {@code center_box}. */
    public static final double BOX_HIGH = 10;

    private Generators() {
    }

    /**
     * {@code n} samples split evenly over {@code centers} random centres in (-10, 10)^d (the first
     * {@code n % centers} centres get one extra), each blob with standard deviation {@code std}, shuffled.
     */
    public static Dataset blobs(int n, int features, int centers, double std, long seed) {
        return blobs(n, features, centers, std, BOX_LOW, BOX_HIGH, true, seed);
    }

    /** As {@link #blobs(int, int, int, double, long)} with a chosen centre box and shuffling. */
    public static Dataset blobs(int n, int features, int centers, double std, double boxLow, double boxHigh,
                                boolean shuffle, long seed) {
        require(centers >= 1, "centers", centers, "at least 1");
        require(n >= centers, "n", n, "at least one sample per centre (" + centers + ")");
        require(features >= 1, "features", features, "at least 1");
        require(boxLow < boxHigh, "center box low", boxLow, "below the high end " + boxHigh);
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[centers][features];
        for (double[] row : c) {
            for (int j = 0; j < features; j++) {
                row[j] = boxLow + (boxHigh - boxLow) * r.nextDouble();
            }
        }
        int[] perCenter = new int[centers];
        for (int k = 0; k < centers; k++) {
            perCenter[k] = n / centers + (k < n % centers ? 1 : 0);
        }
        double[] stds = new double[centers];
        java.util.Arrays.fill(stds, std);
        return blobs(perCenter, c, stds, shuffle, r.nextLong());
    }

    /**
     * {@code n} samples split evenly over the given centres (the first {@code n % centers} get one
     * extra), each blob with its own standard deviation ({@code clusterStd} of length 1 applies to all).
     */
    public static Dataset blobs(int n, double[][] centers, double[] clusterStd, boolean shuffle, long seed) {
        require(centers.length >= 1, "centers", centers.length, "at least one centre");
        require(n >= centers.length, "n", n, "at least one sample per centre (" + centers.length + ")");
        require(clusterStd.length == 1 || clusterStd.length == centers.length, "clusterStd length",
                clusterStd.length, "1 or one per centre (" + centers.length + ")");
        int[] perCenter = new int[centers.length];
        double[] stds = new double[centers.length];
        for (int k = 0; k < centers.length; k++) {
            perCenter[k] = n / centers.length + (k < n % centers.length ? 1 : 0);
            stds[k] = clusterStd.length == 1 ? clusterStd[0] : clusterStd[k];
        }
        return blobs(perCenter, centers, stds, shuffle, seed);
    }

    /**
     * Blobs with given sizes, centres and per-centre standard deviations; label = centre index.
     *
     * @throws IllegalArgumentException when the lengths disagree or a size or deviation is negative
     */
    public static Dataset blobs(int[] samplesPerCenter, double[][] centers, double[] clusterStd, boolean shuffle,
                                long seed) {
        require(centers.length >= 1, "centers", centers.length, "at least one centre");
        require(samplesPerCenter.length == centers.length, "samplesPerCenter length", samplesPerCenter.length,
                "one count per centre (" + centers.length + ")");
        require(clusterStd.length == centers.length, "clusterStd length", clusterStd.length,
                "one deviation per centre (" + centers.length + ")");
        int d = centers[0].length;
        int n = 0;
        for (int k = 0; k < centers.length; k++) {
            require(samplesPerCenter[k] >= 0, "samplesPerCenter[" + k + "]", samplesPerCenter[k], ">= 0");
            require(clusterStd[k] >= 0 && Double.isFinite(clusterStd[k]), "clusterStd[" + k + "]", clusterStd[k],
                    "finite and >= 0");
            require(centers[k].length == d, "centers[" + k + "] length", centers[k].length, d + " like centre 0");
            n += samplesPerCenter[k];
        }
        require(n >= 1, "total samples", n, "at least 1");
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        int[] labels = new int[n];
        int i = 0;
        for (int k = 0; k < centers.length; k++) {
            for (int s = 0; s < samplesPerCenter[k]; s++, i++) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = centers[k][j] + clusterStd[k] * r.nextGaussian();
                }
                labels[i] = k;
            }
        }
        if (shuffle) {
            shuffleRows(x, labels, d, r);
        }
        return new Dataset("blobs", DataMatrix.wrap(x, n, d), labels, featureNames(d), classNames("blob", centers.length));
    }

    /** The data set's samples multiplied by {@code transform} (D × D'), as sklearn's anisotropic blobs example. */
    public static Dataset anisotropic(Dataset data, double[][] transform) {
        int d = data.data().cols();
        require(transform.length == d, "transform rows", transform.length, "equal to the data's columns (" + d + ")");
        int out = transform[0].length;
        int n = data.data().rows();
        double[] y = new double[n * out];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < out; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += data.data().get(i, j) * transform[j][c];
                }
                y[i * out + c] = s;
            }
        }
        return new Dataset(data.name() + "-anisotropic", DataMatrix.wrap(y, n, out), data.labels(), featureNames(out),
                data.labelNames());
    }

    /**
     * Blobs plus uniform outliers: {@code round(n * contamination)} of the {@code n} samples are drawn
     * uniformly from the inliers' bounding box widened by 20 % per side; labels are 1 for outliers, 0 for inliers.
     */
    public static Dataset blobsWithOutliers(int n, int features, int centers, double std, double contamination,
                                            long seed) {
        require(contamination >= 0 && contamination < 1, "contamination", contamination, "in [0, 1)");
        int outliers = (int) Math.round(n * contamination);
        Dataset in = blobs(n - outliers, features, centers, std, BOX_LOW, BOX_HIGH, false, seed);
        double[] lo = new double[features];
        double[] hi = new double[features];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        DataMatrix m = in.data();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < features; j++) {
                lo[j] = Math.min(lo[j], m.get(i, j));
                hi[j] = Math.max(hi[j], m.get(i, j));
            }
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] x = new double[n * features];
        System.arraycopy(m.values(), 0, x, 0, m.rows() * features);
        int[] labels = new int[n];
        for (int i = m.rows(); i < n; i++) {
            labels[i] = 1;
            for (int j = 0; j < features; j++) {
                double pad = 0.2 * (hi[j] - lo[j]);
                x[i * features + j] = lo[j] - pad + (hi[j] - lo[j] + 2 * pad) * r.nextDouble();
            }
        }
        shuffleRows(x, labels, features, r);
        return new Dataset("blobs-outliers", DataMatrix.wrap(x, n, features), labels, featureNames(features),
                List.of("inlier", "outlier"));
    }

    /**
     * The study's 1-D mixture: means 2, 5, 8; standard deviations 0.2, 0.5, 0.8; weights 0.3, 0.3, 0.4
     * (component sizes are the rounded weights times {@code n}, the rest to the last); labels = component.
     */
    public static Dataset studyMixture1d(int n, long seed) {
        require(n >= 3, "n", n, "at least 3");
        int a = (int) Math.round(0.3 * n);
        int b = (int) Math.round(0.3 * n);
        Dataset d = blobs(new int[] {a, b, n - a - b}, new double[][] {{2}, {5}, {8}}, new double[] {0.2, 0.5, 0.8},
                true, seed);
        return new Dataset("mixture-1d", d.data(), d.labels(), List.of("x"), d.labelNames());
    }

    private static void shuffleRows(double[] x, int[] labels, int d, SplittableRandom r) {
        double[] tmp = new double[d];
        for (int i = labels.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
            System.arraycopy(x, i * d, tmp, 0, d);
            System.arraycopy(x, j * d, x, i * d, d);
            System.arraycopy(tmp, 0, x, j * d, d);
        }
    }

    private static List<String> featureNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    private static List<String> classNames(String prefix, int k) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add(prefix + j);
        }
        return names;
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(name + " = " + value + ": must be " + rule);
        }
    }
}
