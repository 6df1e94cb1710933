package dev.gmm.baselines;

import dev.gmm.baselines.internal.ExtraOptions;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.ContaminationThreshold;
import dev.gmm.core.app.spi.FittedClusterer;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The "kmeans" clusterer: Smile's K-Means (k-means++ seeding, then Lloyd/BBD-tree iterations),
 * best of {@code nInit} runs by distortion. Run {@code r} seeds Smile's generator of the calling
 * thread with {@code seed + r}, so a seed gives the same clustering every time.
 *
 * <p>Extra option: {@code max_iter} (default 300).
 */
public final class KMeansClusterer implements Clusterer {

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public KMeansClusterer() {
    }

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public String description() {
        return "K-Means from Smile (k-means++ seeding, best of nInit runs); GPL-3.0-or-later";
    }

    @Override
    public FittedClusterer fit(DataMatrix data, Clusterer.Options options) {
        data.requireFinite("data");
        int k = options.clusters();
        if (k > data.rows()) {
            throw new IllegalArgumentException("clusters = " + k + " but the data has only " + data.rows()
                    + " rows: ask for at most as many clusters as there are points");
        }
        int maxIter = ExtraOptions.intOption(options.extra(), "max_iter", 300, 1);
        double[][] rows = data.toArray();
        CentroidClustering<double[], double[]> best = null;
        for (int run = 0; run < options.nInit(); run++) {
            MathEx.setSeed(options.seed() + run);
            var fitted = KMeans.fit(rows, new smile.clustering.Clustering.Options(k, maxIter));
            if (best == null || fitted.distortion() < best.distortion()) {
                best = fitted;
            }
        }
        return new Fitted(data.cols(), best.centers().clone(), best.group().clone());
    }

    /** A K-Means result: centres, training labels, nearest-centre prediction. */
    private record Fitted(int width, double[][] centers, int[] labels) implements FittedClusterer {

        @Override
        public int clusters() {
            return centers.length;
        }

        @Override
        public double[][] centers() {
            double[][] copy = new double[centers.length][];
            for (int c = 0; c < centers.length; c++) {
                copy[c] = centers[c].clone();
            }
            return copy;
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public int[] predict(DataMatrix data) {
            ContaminationThreshold.requireWidth(data, width);
            data.requireFinite("data");
            int[] out = new int[data.rows()];
            double[] row = new double[width];
            for (int i = 0; i < out.length; i++) {
                data.copyRow(i, row, 0);
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < centers.length; c++) {
                    double d = 0;
                    for (int j = 0; j < width; j++) {
                        double diff = row[j] - centers[c][j];
                        d += diff * diff;
                    }
                    if (d < nearest) {
                        nearest = d;
                        out[i] = c;
                    }
                }
            }
            return out;
        }
    }
}
