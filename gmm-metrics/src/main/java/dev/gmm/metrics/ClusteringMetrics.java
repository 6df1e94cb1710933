package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import dev.gmm.metrics.internal.Hungarian;
import dev.gmm.metrics.internal.Labels;
import dev.gmm.metrics.internal.Silhouette;

import java.util.Arrays;
import java.util.Random;

/**
 * Internal and external clustering metrics with scikit-learn's definitions and edge cases
 * ({@code sklearn.metrics} 1.2). Every method validates its input and throws
 * {@link IllegalArgumentException} naming the argument when the metric is undefined for it.
 * Stateless and thread-safe.
 */
public final class ClusteringMetrics {

    private static final double EPS = Math.ulp(1.0);

    private ClusteringMetrics() {
    }

    // ---------------------------------------------------------------- internal metrics

    /** Mean silhouette coefficient over all samples (euclidean), as {@code silhouette_score}. */
    public static double silhouetteScore(DataMatrix x, int[] labels) {
        double[] s = silhouetteSamples(x, labels);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    /**
     * Silhouette coefficient of every sample (euclidean), as {@code silhouette_samples}: exact, computed
     * in blocks over rows and in parallel over the cores of the common pool.
     */
    public static double[] silhouetteSamples(DataMatrix x, int[] labels) {
        requireSameLength(x, labels);
        Labels enc = Labels.encode(labels);
        requireSilhouetteLabelCount(enc.count(), labels.length);
        double[] values = x.toFloat64().values();
        return Silhouette.samples(values, x.rows(), x.cols(), enc.codes(), enc.count());
    }

    /**
     * Silhouette score of a random sample of {@code sampleSize} rows drawn without replacement with
     * {@code seed} (sklearn's {@code sample_size}/{@code random_state}; the draw itself differs from
     * numpy's). When {@code sampleSize >= n} this is the exact score.
     */
    public static double silhouetteScoreSampled(DataMatrix x, int[] labels, int sampleSize, long seed) {
        requireSameLength(x, labels);
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize is " + sampleSize + "; it must be at least 2");
        }
        if (sampleSize >= labels.length) {
            return silhouetteScore(x, labels);
        }
        int[] perm = new int[labels.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(perm.length - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] chosen = Arrays.copyOf(perm, sampleSize);
        Arrays.sort(chosen);
        int[] sampledLabels = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sampledLabels[i] = labels[chosen[i]];
        }
        return silhouetteScore(x.selectRows(chosen), sampledLabels);
    }

    /** Variance-ratio criterion, as {@code calinski_harabasz_score}. */
    public static double calinskiHarabaszScore(DataMatrix x, int[] labels) {
        Clustered cl = Clustered.of(x, labels);
        Labels enc = cl.labels();
        int n = labels.length;
        int k = enc.count();
        int d = x.cols();
        double[] v = cl.values();
        double[][] centroids = cl.centroids();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += v[i * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        long[] sizes = enc.sizes();
        double extra = 0;
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double diff = centroids[j][c] - mean[c];
                s += diff * diff;
            }
            extra += sizes[j] * s;
        }
        double intra = 0;
        for (int i = 0; i < n; i++) {
            double[] m = centroids[enc.codes()[i]];
            for (int c = 0; c < d; c++) {
                double diff = v[i * d + c] - m[c];
                intra += diff * diff;
            }
        }
        return intra == 0.0 ? 1.0 : extra * (n - k) / (intra * (k - 1.0));
    }

    /** Average similarity of each cluster with its most similar one, as {@code davies_bouldin_score} (lower is better). */
    public static double daviesBouldinScore(DataMatrix x, int[] labels) {
        Clustered cl = Clustered.of(x, labels);
        Labels enc = cl.labels();
        int n = labels.length;
        int k = enc.count();
        int d = x.cols();
        double[] v = cl.values();
        double[][] centroids = cl.centroids();
        long[] sizes = enc.sizes();
        double[] intra = new double[k];
        for (int i = 0; i < n; i++) {
            int j = enc.codes()[i];
            intra[j] += distance(v, i * d, centroids[j], d);
        }
        boolean intraZero = true;
        for (int j = 0; j < k; j++) {
            intra[j] /= sizes[j];
            intraZero &= Math.abs(intra[j]) <= 1e-8;
        }
        double[][] between = new double[k][k];
        boolean betweenZero = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                between[a][b] = distance(centroids[a], 0, centroids[b], d);
                betweenZero &= Math.abs(between[a][b]) <= 1e-8;
            }
        }
        if (intraZero || betweenZero) {
            return 0.0; // sklearn's np.allclose(..., 0) special case
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                double dist = between[a][b] == 0 ? Double.POSITIVE_INFINITY : between[a][b];
                worst = Math.max(worst, (intra[a] + intra[b]) / dist);
            }
            total += worst;
        }
        return total / k;
    }

    // ---------------------------------------------------------------- external metrics

    /**
     * The contingency table, as {@code contingency_matrix}: rows are the distinct true classes and
     * columns the distinct predicted clusters, both ascending.
     */
    public static long[][] contingencyMatrix(int[] truth, int[] pred) {
        requireLabelPair(truth, pred);
        return contingency(Labels.encode(truth), Labels.encode(pred));
    }

    /** Rand index adjusted for chance, as {@code adjusted_rand_score}. */
    public static double adjustedRandScore(int[] truth, int[] pred) {
        long[][] c = contingencyMatrix(truth, pred);
        double n = truth.length;
        double[] rowSums = rowSums(c);
        double[] colSums = colSums(c);
        double sumSquares = 0;
        for (long[] row : c) {
            for (long v : row) {
                sumSquares += (double) v * v;
            }
        }
        double dotRows = 0; // sum over cells of c_ij * colSum_j
        double dotCols = 0; // sum over cells of c_ij * rowSum_i
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                dotRows += c[i][j] * colSums[j];
                dotCols += c[i][j] * rowSums[i];
            }
        }
        double tp = sumSquares - n;
        double fp = dotRows - sumSquares;
        double fn = dotCols - sumSquares;
        double tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /** Mutual information normalised by the arithmetic mean of the entropies, as {@code normalized_mutual_info_score}. */
    public static double normalizedMutualInfoScore(int[] truth, int[] pred) {
        requireLabelPair(truth, pred);
        Labels t = Labels.encode(truth);
        Labels p = Labels.encode(pred);
        if (t.count() == 1 && p.count() == 1) {
            return 1.0;
        }
        double mi = mutualInfo(contingency(t, p));
        if (mi == 0) {
            return 0.0;
        }
        return mi / ((entropy(t) + entropy(p)) / 2);
    }

    /** Mutual information adjusted for chance (arithmetic normaliser), as {@code adjusted_mutual_info_score}. */
    public static double adjustedMutualInfoScore(int[] truth, int[] pred) {
        requireLabelPair(truth, pred);
        Labels t = Labels.encode(truth);
        Labels p = Labels.encode(pred);
        if (t.count() == 1 && p.count() == 1) {
            return 1.0;
        }
        long[][] c = contingency(t, p);
        double mi = mutualInfo(c);
        double emi = expectedMutualInfo(c, truth.length);
        double normaliser = (entropy(t) + entropy(p)) / 2;
        double denominator = normaliser - emi;
        denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
        return (mi - emi) / denominator;
    }

    /** Each cluster holds members of a single class, as {@code homogeneity_score}. */
    public static double homogeneityScore(int[] truth, int[] pred) {
        return hcv(truth, pred)[0];
    }

    /** All members of a class are in the same cluster, as {@code completeness_score}. */
    public static double completenessScore(int[] truth, int[] pred) {
        return hcv(truth, pred)[1];
    }

    /** Harmonic mean of homogeneity and completeness, as {@code v_measure_score} (beta = 1). */
    public static double vMeasureScore(int[] truth, int[] pred) {
        return hcv(truth, pred)[2];
    }

    /** Geometric mean of pairwise precision and recall, as {@code fowlkes_mallows_score}. */
    public static double fowlkesMallowsScore(int[] truth, int[] pred) {
        long[][] c = contingencyMatrix(truth, pred);
        double n = truth.length;
        double tk = -n;
        for (long[] row : c) {
            for (long v : row) {
                tk += (double) v * v;
            }
        }
        double pk = -n;
        for (double s : colSums(c)) {
            pk += s * s;
        }
        double qk = -n;
        for (double s : rowSums(c)) {
            qk += s * s;
        }
        return tk != 0 ? Math.sqrt(tk / pk) * Math.sqrt(tk / qk) : 0.0;
    }

    /**
     * Accuracy under the best one-to-one mapping of clusters to classes (Hungarian algorithm on the
     * contingency table, as scipy's {@code linear_sum_assignment} maximising matches).
     */
    public static BestMap bestMapAccuracy(int[] truth, int[] pred) {
        long[][] c = contingencyMatrix(truth, pred);
        Labels t = Labels.encode(truth);
        int clusters = c.length == 0 ? 0 : c[0].length;
        int[] rowToCol = Hungarian.maximise(c);
        int[] clusterToClass = new int[clusters];
        Arrays.fill(clusterToClass, -1);
        long matched = 0;
        for (int r = 0; r < rowToCol.length; r++) {
            if (rowToCol[r] >= 0) {
                clusterToClass[rowToCol[r]] = t.classes()[r];
                matched += c[r][rowToCol[r]];
            }
        }
        return new BestMap((double) matched / truth.length, clusterToClass, c);
    }

    // ---------------------------------------------------------------- helpers

    private static double[] hcv(int[] truth, int[] pred) {
        requireLabelPair(truth, pred);
        Labels t = Labels.encode(truth);
        Labels p = Labels.encode(pred);
        double entropyC = entropy(t);
        double entropyK = entropy(p);
        double mi = mutualInfo(contingency(t, p));
        double h = entropyC != 0 ? mi / entropyC : 1.0;
        double c = entropyK != 0 ? mi / entropyK : 1.0;
        double v = h + c == 0 ? 0.0 : 2 * h * c / (h + c);
        return new double[] {h, c, v};
    }

    private static long[][] contingency(Labels t, Labels p) {
        long[][] c = new long[t.count()][p.count()];
        int[] tc = t.codes();
        int[] pc = p.codes();
        for (int i = 0; i < tc.length; i++) {
            c[tc[i]][pc[i]]++;
        }
        return c;
    }

    /** sklearn's entropy(labels), in nats. */
    private static double entropy(Labels labels) {
        long[] sizes = labels.sizes();
        double total = labels.codes().length;
        double logTotal = Math.log(total);
        double h = 0;
        for (long s : sizes) {
            h -= (s / total) * (Math.log(s) - logTotal);
        }
        return h;
    }

    /** sklearn's mutual_info_score on a contingency table, term by term in its order. */
    private static double mutualInfo(long[][] c) {
        if (c.length == 1 || c[0].length == 1) {
            return 0.0;
        }
        double[] pi = rowSums(c);
        double[] pj = colSums(c);
        double total = 0;
        for (double s : pi) {
            total += s;
        }
        double logTotal = Math.log(total);
        double mi = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                if (c[i][j] == 0) {
                    continue;
                }
                double nm = c[i][j] / total;
                double logOuter = -Math.log(pi[i] * pj[j]) + logTotal + logTotal;
                double term = nm * (Math.log(c[i][j]) - logTotal) + nm * logOuter;
                if (Math.abs(term) >= EPS) {
                    mi += term;
                }
            }
        }
        return Math.max(mi, 0.0);
    }

    /** Expected mutual information under the hypergeometric model (sklearn's _expected_mutual_info_fast). */
    private static double expectedMutualInfo(long[][] c, int n) {
        double[] a = rowSums(c);
        double[] b = colSums(c);
        if (a.length == 1 || b.length == 1) {
            return 0.0;
        }
        double[] logFactorial = new double[n + 2];
        for (int m = 2; m < logFactorial.length; m++) {
            logFactorial[m] = logFactorial[m - 1] + Math.log(m);
        }
        double logN = Math.log(n);
        double glnN = logFactorial[n];
        double emi = 0;
        for (double ad : a) {
            int ai = (int) ad;
            for (double bd : b) {
                int bj = (int) bd;
                int start = Math.max(1, ai - n + bj);
                int end = Math.min(ai, bj);
                double gln0 = logFactorial[ai] + logFactorial[bj] + logFactorial[n - ai] + logFactorial[n - bj];
                for (int nij = start; nij <= end; nij++) {
                    double term2 = logN + Math.log(nij) - Math.log(ai) - Math.log(bj);
                    double gln = gln0 - logFactorial[nij] - glnN - logFactorial[ai - nij] - logFactorial[bj - nij]
                            - logFactorial[n - ai - bj + nij];
                    emi += ((double) nij / n) * term2 * Math.exp(gln);
                }
            }
        }
        return emi;
    }

    private static double[] rowSums(long[][] c) {
        double[] s = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            for (long v : c[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    private static double[] colSums(long[][] c) {
        double[] s = new double[c.length == 0 ? 0 : c[0].length];
        for (long[] row : c) {
            for (int j = 0; j < row.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    /** Validated data and labels with the cluster centroids: what the centroid-based metrics share. */
    private record Clustered(double[] values, Labels labels, double[][] centroids) {
        static Clustered of(DataMatrix x, int[] labels) {
            requireSameLength(x, labels);
            Labels enc = Labels.encode(labels);
            requireClusterCount(enc.count(), labels.length);
            double[] v = x.toFloat64().values();
            return new Clustered(v, enc, ClusteringMetrics.centroids(v, x.cols(), enc));
        }
    }

    private static double[][] centroids(double[] v, int d, Labels enc) {
        double[][] centroids = new double[enc.count()][d];
        long[] sizes = enc.sizes();
        int[] codes = enc.codes();
        for (int i = 0; i < codes.length; i++) {
            double[] m = centroids[codes[i]];
            for (int c = 0; c < d; c++) {
                m[c] += v[i * d + c];
            }
        }
        for (int j = 0; j < centroids.length; j++) {
            for (int c = 0; c < d; c++) {
                centroids[j][c] /= sizes[j];
            }
        }
        return centroids;
    }

    private static double distance(double[] x, int offset, double[] y, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = x[offset + c] - y[c];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    private static void requireSameLength(DataMatrix x, int[] labels) {
        if (x == null) {
            throw new IllegalArgumentException("x is null; pass the data matrix the labels belong to");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels is null; pass one cluster label per row of x");
        }
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but x has " + x.rows()
                    + " rows; pass one label per sample");
        }
        x.requireFinite("x");
    }

    private static void requireSilhouetteLabelCount(int k, int n) {
        if (k < 2 || k > n - 1) {
            throw new IllegalArgumentException("Number of labels is " + k
                    + ". Valid values are 2 to n_samples - 1 (inclusive); n_samples is " + n
                    + " (silhouette is undefined for a single cluster or one cluster per sample)");
        }
    }

    private static void requireClusterCount(int k, int n) {
        if (k < 2 || k > n - 1) {
            throw new IllegalArgumentException("Number of labels is " + k
                    + ". Valid values are 2 to n_samples - 1 (inclusive); n_samples is " + n);
        }
    }

    private static void requireLabelPair(int[] truth, int[] pred) {
        if (truth == null || pred == null) {
            throw new IllegalArgumentException((truth == null ? "truth" : "pred") + " is null; pass one label per sample");
        }
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " labels but pred has " + pred.length
                    + "; both must label the same samples");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("truth and pred are empty; pass at least one labelled sample");
        }
    }
}
