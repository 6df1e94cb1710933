package dev.gmm.imaging.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.app.spi.ExperimentOptions;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Pca;

import dev.gmm.metrics.ClusteringMetrics;
import dev.gmm.metrics.ConfusionMatrix;
import dev.gmm.metrics.ModelSelection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Experiment {@code cluster-digits} (beyond the study): clusters whole digit images. Each image's grey
 * values (in [0, 1]) are average-pooled in blocks of option "pool" x "pool" pixels (default 2 for MNIST,
 * whose 28x28 becomes 14x14: the strokes survive and the covariance PCA needs shrinks 16-fold; 4 for the
 * generated digits, whose pixel or two of jitter 7x7 blocks absorb), projected by PCA onto option "pca"
 * components (default 30 for MNIST, 12 for the generated digits), and clustered by GMMs (covariance
 * option "covariance", default "full") for every K of option "k" (default "6..14"). The K of the lowest BIC
 * wins; its clusters are matched one-to-one to the digit labels (Hungarian best map) for an accuracy.
 *
 * <p>The result holds the BIC curve, a 2-D scatter of the first two principal components coloured by
 * cluster with each component's 1- and 2-sigma ellipses, the confusion matrix as a heat map, and each
 * cluster's mean image. With a data path it reads MNIST IDX (a folder or an images file) and uses a
 * seeded sample of option "n" images (default 10000); without one it generates option "n"
 * seven-segment style digits (default 600).
 */
public final class ClusterDigitsExperiment implements Experiment {

    /** Points drawn in the scatter chart at most, so the chart stays readable. */
    private static final int SCATTER_POINTS = 2000;
    private static final ExperimentOption<Integer> N = ExperimentOption.positiveInt("n",
            "600 generated, 10000 with --data", "images to cluster");
    // generated digits are jittered by a pixel or two, which 4x4 pooling absorbs; MNIST keeps its detail at 2x2
    private static final ExperimentOption<Integer> POOL = ExperimentOption.positiveInt("pool",
            "4 generated, 2 with --data", "side of the pixel blocks averaged into one value");
    // the pooled generated digits vary along few directions; more components only add noise dimensions
    private static final ExperimentOption<Integer> PCA = ExperimentOption.positiveInt("pca",
            "12 generated, 30 with --data", "principal components kept");
    private static final ExperimentOption<List<Integer>> K = ExperimentOption.intList("k", "6..14",
            "numbers of clusters BIC chooses from");
    private static final ExperimentOption<String> COVARIANCE = ExperimentOption.string("covariance", "full",
            "the GMM's covariance type");
    private static final ExperimentOption<Integer> N_INIT = ExperimentOption.positiveInt("n-init", 1,
            "starts of each GMM");

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public ClusterDigitsExperiment() {
    }

    @Override
    public String name() {
        return "cluster-digits";
    }

    @Override
    public String description() {
        return "Whole digit images: pooling, PCA, GMM with K chosen by BIC, best-map accuracy against the labels";
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return List.of(N, POOL, PCA, K, COVARIANCE, N_INIT);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws IOException {
        ExperimentOptions options = context.read(this);
        boolean generated = context.data() == null;
        int n = options.orElse(N, generated ? 600 : 10000);
        int pool = options.orElse(POOL, generated ? 4 : 2);
        int pcaDims = options.orElse(PCA, generated ? 12 : 30);
        int[] ks = options.get(K).stream().mapToInt(Integer::intValue).toArray();
        String kText = options.given(K) ? context.options().get(K.key()) : K.defaultText();
        String covariance = options.get(COVARIANCE);
        int nInit = options.get(N_INIT);

        Images images = context.data() == null ? generated(n, context.seed()) : mnist(context, n);
        if (images.count() < 3) {
            throw new IllegalArgumentException(images.source() + " gives " + images.count()
                    + " images: clustering needs at least 3; give more images (option n)");
        }
        DataMatrix pooled = pool(images, pool);
        int dims = Math.min(pcaDims, Math.min(pooled.cols(), images.count() - 1));
        long start = System.nanoTime();
        Pca pca = Pca.fit(pooled, dims);
        DataMatrix z = pca.transform(pooled);
        double pcaMillis = (System.nanoTime() - start) / 1e6;
        double explained = Arrays.stream(pca.explainedVariance()).sum() / totalVariance(pooled);

        int maxK = Arrays.stream(ks).max().orElseThrow();
        if (maxK >= images.count()) {
            throw new IllegalArgumentException("option k=" + kText + " asks for up to " + maxK
                    + " clusters of " + images.count() + " images: use K below the number of images");
        }
        context.progress().start("GMMs for K in " + kText, 1);
        start = System.nanoTime();
        ModelSelection.Result selection = ModelSelection.builder().components(ks).covarianceTypes(covariance)
                .nInits(nInit).seed(context.seed()).criterion("bic").build().select(z, null);
        double fitMillis = (System.nanoTime() - start) / 1e6;
        context.progress().finish();
        GaussianMixtureModel best = selection.best();
        int[] clusters = best.predict(z);
        ConfusionMatrix confusion = ConfusionMatrix.of(images.labels(), clusters);
        int bestK = selection.bestCandidate().components();

        var result = ExperimentResult.builder(name(), "Clustering whole digit images: " + images.source());
        result.summary(images.count() + " images of " + images.source() + ", pooled " + pool + "x" + pool + " to "
                + pooled.cols() + " values, PCA to " + dims + " components (" + percent(explained)
                + " of the variance), GMM (" + covariance + ") for K in " + Arrays.toString(ks)
                + "; K = " + bestK + " has the lowest BIC");
        result.number("n_samples", images.count()).number("pca_components", dims)
                .number("explained_variance_ratio", explained).number("best_k", bestK)
                .number("best_bic", selection.bestCandidate().bic())
                .number("best_map_accuracy", confusion.accuracy())
                .number("purity", purity(confusion.counts(), images.count()))
                .number("adjusted_rand_score", ClusteringMetrics.adjustedRandScore(images.labels(), clusters))
                .number("normalized_mutual_info_score",
                        ClusteringMetrics.normalizedMutualInfoScore(images.labels(), clusters))
                .number("pca_millis", pcaMillis).number("selection_millis", fitMillis);
        result.finding("BIC picks K = " + bestK + " of " + Arrays.toString(ks) + "; matched one-to-one to the digits,"
                + " the clusters are " + percent(confusion.accuracy()) + " accurate"
                + (bestK > 10 ? " (only 10 clusters can be matched; the other " + (bestK - 10) + " count as wrong)" : ""));
        result.finding("labelled by its most common digit instead (many clusters may share a digit), the clusters"
                + " are " + percent(purity(confusion.counts(), images.count())) + " pure");
        if (bestK == maxK || bestK == Arrays.stream(ks).min().orElseThrow()) {
            result.finding("the best K lies at the edge of the range " + Arrays.toString(ks)
                    + ": widen option k to see whether BIC keeps falling");
        }
        addBicCurve(result, selection);
        addScatter(result, z, clusters, best, context.seed());
        IntFunction<String> digit = ConfusionMatrix.names(images.labelNames());
        result.heatmap(confusion.matchedOnDiagonal().heatmap("Confusion: digits (rows) by GMM cluster (columns)",
                c -> "digit " + digit.apply(c), ConfusionMatrix.arrow(digit)));
        addClusterMeans(result, images, clusters, confusion);
        return result.build();
    }

    /** Digit images as grey values in [0, 1], one row each, with labels. */
    record Images(String source, DataMatrix grey, int side, int[] labels, List<String> labelNames) {
        int count() {
            return grey.rows();
        }
    }

    private static Images mnist(ExperimentContext context, int n) throws IOException {
        Dataset d = ImageSets.loadMnist(context.data());
        if (d.labels() == null) {
            throw new IllegalArgumentException(context.data() + ": cluster-digits needs the digit labels beside the"
                    + " images to score the clusters");
        }
        int[] rows = ImageSets.sample(d.data().rows(), n, context.seed());
        int cols = d.data().cols();
        int side = (int) Math.round(Math.sqrt(cols));
        if (side * side != cols) {
            throw new IllegalArgumentException(context.data() + ": images of " + cols
                    + " pixels are not square; give MNIST-style IDX images");
        }
        double[] v = new double[rows.length * cols];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = d.data().get(rows[i], j) / 255.0;
            }
            labels[i] = d.labels()[rows[i]];
        }
        String source = context.data().getFileName() + " (MNIST" + (rows.length < d.data().rows()
                ? ", " + rows.length + " of " + d.data().rows() : "") + ")";
        return new Images(source, DataMatrix.wrap(v, rows.length, cols), side, labels, d.labelNames());
    }

    private static Images generated(int n, long seed) {
        int side = 28;
        Random rnd = new Random(seed);
        double[] v = new double[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            int[] argb = SegmentDigitsExperiment.digitImage(labels[i], rnd, new boolean[side * side]);
            for (int j = 0; j < argb.length; j++) {
                v[i * argb.length + j] = (argb[j] & 0xff) / 255.0;
            }
        }
        return new Images("generated digits", DataMatrix.wrap(v, n, side * side), side, labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    /** Averages blocks of {@code pool} x {@code pool} pixels (1 keeps the images as they are). */
    static DataMatrix pool(Images images, int pool) {
        int side = images.side();
        if (side % pool != 0) {
            throw new IllegalArgumentException("option pool = " + pool + " does not divide the image side " + side
                    + ": use a divisor such as 1, 2 or 4");
        }
        if (pool == 1) {
            return images.grey();
        }
        int out = side / pool;
        int cols = out * out;
        double[] v = new double[images.count() * cols];
        double scale = 1.0 / (pool * pool);
        for (int i = 0; i < images.count(); i++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    v[i * cols + (y / pool) * out + x / pool] += images.grey().get(i, y * side + x) * scale;
                }
            }
        }
        return DataMatrix.wrap(v, images.count(), cols);
    }

    /** Sum of the columns' sample variances (n - 1), the PCA's total. */
    private static double totalVariance(DataMatrix x) {
        double total = 0;
        for (int j = 0; j < x.cols(); j++) {
            double mean = 0;
            for (int i = 0; i < x.rows(); i++) {
                mean += x.get(i, j);
            }
            mean /= x.rows();
            double ss = 0;
            for (int i = 0; i < x.rows(); i++) {
                double d = x.get(i, j) - mean;
                ss += d * d;
            }
            total += ss / (x.rows() - 1);
        }
        return total;
    }

    private static void addBicCurve(ExperimentResult.Builder result, ModelSelection.Result selection) {
        List<ModelSelection.Candidate> byK = new ArrayList<>(selection.ranked());
        byK.sort((a, b) -> Integer.compare(a.components(), b.components()));
        double[] k = new double[byK.size()];
        double[] bic = new double[byK.size()];
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < byK.size(); i++) {
            ModelSelection.Candidate c = byK.get(i);
            k[i] = c.components();
            bic[i] = c.bic();
            rows.add(List.of(c.components(), c.covarianceType(), c.bic(), c.aic(), c.lowerBound(), c.converged()));
        }
        result.chart(new ExperimentResult.Chart("BIC by number of components", ExperimentResult.ChartKind.LINE, "K",
                "BIC (lower is better)", List.of(new ExperimentResult.Series("BIC", k, bic))));
        result.table(new ExperimentResult.Table("Model selection", List.of("K", "covariance", "bic", "aic",
                "lower_bound", "converged"), rows));
    }

    /** PC1 vs PC2 by cluster, with each component's marginal Gaussian in that plane as ellipses. */
    private static void addScatter(ExperimentResult.Builder result, DataMatrix z, int[] clusters,
                                   GaussianMixtureModel model, long seed) {
        int k = model.components();
        int[] shown = ImageSets.sample(z.rows(), SCATTER_POINTS, seed);
        List<ExperimentResult.Series> series = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int i : shown) {
                count += clusters[i] == c ? 1 : 0;
            }
            double[] x = new double[count];
            double[] y = new double[count];
            int at = 0;
            for (int i : shown) {
                if (clusters[i] == c) {
                    x[at] = z.get(i, 0);
                    y[at++] = z.cols() > 1 ? z.get(i, 1) : 0;
                }
            }
            series.add(new ExperimentResult.Series("cluster " + c, x, y));
        }
        List<ExperimentResult.Ellipse> ellipses = new ArrayList<>();
        if (z.cols() > 1) {
            double[][] means = model.means();
            for (int c = 0; c < k; c++) {
                double[][] cov = model.covariance(c);
                // the marginal of a Gaussian on two of its coordinates is the 2x2 block of its covariance
                ellipses.add(new ExperimentResult.Ellipse(means[c][0], means[c][1],
                        new double[][]{{cov[0][0], cov[0][1]}, {cov[1][0], cov[1][1]}}, new double[]{1, 2}));
            }
        }
        result.chart(new ExperimentResult.Chart("First two principal components by GMM cluster"
                + (z.rows() > SCATTER_POINTS ? " (" + SCATTER_POINTS + " of " + z.rows() + " images)" : ""),
                ExperimentResult.ChartKind.SCATTER, "PC1", "PC2", series, ellipses));
    }

    /** Many-to-one accuracy: each cluster counts its most common class as right (the contingency's column maxima). */
    static double purity(long[][] confusion, int n) {
        long right = 0;
        for (int j = 0; j < confusion[0].length; j++) {
            long max = 0;
            for (long[] row : confusion) {
                max = Math.max(max, row[j]);
            }
            right += max;
        }
        return right / (double) n;
    }

    /** Each cluster's mean image (in the original pixels), titled with its size and matched digit. */
    private static void addClusterMeans(ExperimentResult.Builder result, Images images, int[] clusters,
                                        ConfusionMatrix confusion) {
        int[] clusterIds = confusion.clusters();
        int[] classIds = confusion.classes();
        long[][] counts = confusion.counts();
        IntFunction<String> digit = ConfusionMatrix.names(images.labelNames());
        int pixels = images.side() * images.side();
        for (int j = 0; j < clusterIds.length; j++) {
            double[] sum = new double[pixels];
            int count = 0;
            for (int i = 0; i < clusters.length; i++) {
                if (clusters[i] == clusterIds[j]) {
                    count++;
                    for (int p = 0; p < pixels; p++) {
                        sum[p] += images.grey().get(i, p);
                    }
                }
            }
            int[] argb = new int[pixels];
            for (int p = 0; p < pixels; p++) {
                int g = (int) Math.round(Math.min(1, sum[p] / count) * 255);
                argb[p] = 0xff000000 | g << 16 | g << 8 | g;
            }
            int mapped = confusion.matchedClass()[j];
            int mostCommon = 0;
            for (int r = 1; r < counts.length; r++) {
                if (counts[r][j] > counts[mostCommon][j]) {
                    mostCommon = r;
                }
            }
            result.picture(new ExperimentResult.Picture("cluster " + clusterIds[j] + " mean (" + count + " images"
                    + ", mostly " + digit.apply(classIds[mostCommon])
                    + (mapped >= 0 ? ", → " + digit.apply(mapped) : "") + ")", images.side(),
                    images.side(), argb));
        }
    }

    private static String percent(double fraction) {
        return String.format("%.1f %%", 100 * fraction);
    }
}
