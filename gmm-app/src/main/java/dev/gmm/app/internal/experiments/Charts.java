package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Series;

import java.util.ArrayList;
import java.util.List;

/** Turns data and fitted mixtures into chart series and component ellipses. */
public final class Charts {
    /** Ellipses at 1 and 2 standard deviations, as the report draws them. */
    public static final double[] SIGMAS = {1, 2};

    private Charts() {
    }

    /** One scatter series per label value, named {@code prefix + label}, over columns x and y. */
    static List<Series> scatterByLabel(DataMatrix data, int[] labels, int x, int y, String prefix) {
        return scatterByLabel(data, labels, x, y, prefix, data.rows());
    }

    /** As above, keeping at most {@code maxPoints} rows (every n-th) so large data sets stay drawable. */
    public static List<Series> scatterByLabel(DataMatrix data, int[] labels, int x, int y, String prefix, int maxPoints) {
        int step = Math.max(1, (data.rows() + maxPoints - 1) / maxPoints);
        int groups = 0;
        for (int l : labels) {
            groups = Math.max(groups, l + 1);
        }
        List<List<double[]>> points = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            points.add(new ArrayList<>());
        }
        for (int i = 0; i < data.rows(); i += step) {
            points.get(labels[i]).add(new double[] {data.get(i, x), data.get(i, y)});
        }
        List<Series> series = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<double[]> p = points.get(g);
            if (p.isEmpty()) {
                continue;
            }
            double[] xs = new double[p.size()];
            double[] ys = new double[p.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = p.get(i)[0];
                ys[i] = p.get(i)[1];
            }
            series.add(new Series(prefix + g, xs, ys));
        }
        return series;
    }

    /** Each component's footprint on columns x and y (the 2 × 2 block of its covariance) at 1 and 2 σ. */
    static List<Ellipse> ellipses(GaussianMixtureModel model, int x, int y) {
        List<Ellipse> out = new ArrayList<>();
        double[][] means = model.means();
        for (int k = 0; k < model.components(); k++) {
            double[][] c = model.covariance(k);
            out.add(new Ellipse(means[k][x], means[k][y],
                    new double[][] {{c[x][x], c[x][y]}, {c[y][x], c[y][y]}}, SIGMAS.clone()));
        }
        return out;
    }

    /** A series of K-Means (or any) centres over columns x and y. */
    static Series centres(String name, double[][] centres, int x, int y) {
        double[] xs = new double[centres.length];
        double[] ys = new double[centres.length];
        for (int k = 0; k < centres.length; k++) {
            xs[k] = centres[k][x];
            ys[k] = centres[k][y];
        }
        return new Series(name, xs, ys);
    }

    /** 1, 2, ..., n as doubles (x values of a sweep). */
    static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
