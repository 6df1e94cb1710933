package dev.gmm.app.internal.experiments;

import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ProgressListener;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.FittedClusterer;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult.Table;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.metrics.ClusteringMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GMM against K-Means on a series of labelled data sets (one per seed), each method with
 * scikit-learn's defaults: GaussianMixture with one start, KMeans with ten. Scores are the study's:
 * silhouette and Calinski-Harabasz, plus the adjusted Rand index against the true labels.
 */
final class ClusteringComparison {
    static final int KMEANS_STARTS = 10;

    /** Per-method scores, one entry per run. */
    record Scores(double[] silhouette, double[] calinskiHarabasz, double[] adjustedRand) {
        Scores(int runs) {
            this(new double[runs], new double[runs], new double[runs]);
        }
    }

    /** The scores of both methods, and the first run's fits for the charts. */
    record Outcome(Scores gmm, Scores kmeans, Dataset firstData, GaussianMixtureModel firstGmm,
                   FittedClusterer firstKmeans) {
    }

    private ClusteringComparison() {
    }

    static Outcome run(List<Dataset> runs, int clusters, String covarianceType, long seed, ProgressListener progress) {
        Clusterer kmeans = Methods.clusterer("kmeans");
        Scores gmmScores = new Scores(runs.size());
        Scores kmeansScores = new Scores(runs.size());
        GaussianMixtureModel firstGmm = null;
        FittedClusterer firstKmeans = null;
        progress.start("GMM and K-Means on " + runs.size() + " data sets", runs.size());
        for (int r = 0; r < runs.size(); r++) {
            Dataset d = runs.get(r);
            GaussianMixtureModel gmm = GaussianMixture.builder().components(clusters).covarianceType(covarianceType)
                    .seed(seed + r).build().fit(d.data());
            FittedClusterer km = kmeans.fit(d.data(), new Clusterer.Options(clusters, seed + r, KMEANS_STARTS, Map.of()));
            score(d, gmm.predict(d.data()), gmmScores, r);
            score(d, km.labels(), kmeansScores, r);
            if (r == 0) {
                firstGmm = gmm;
                firstKmeans = km;
            }
            progress.advance(1);
        }
        progress.finish();
        return new Outcome(gmmScores, kmeansScores, runs.getFirst(), firstGmm, firstKmeans);
    }

    private static void score(Dataset d, int[] labels, Scores into, int r) {
        into.silhouette()[r] = ClusteringMetrics.silhouetteScore(d.data(), labels);
        into.calinskiHarabasz()[r] = ClusteringMetrics.calinskiHarabaszScore(d.data(), labels);
        into.adjustedRand()[r] = ClusteringMetrics.adjustedRandScore(d.labels(), labels);
    }

    /** Mean ± sd of each score for both methods. */
    private static Table summary(String title, Outcome o) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("gmm", o.gmm()));
        rows.add(row("kmeans", o.kmeans()));
        return new Table(title, List.of("method", "silhouette mean", "silhouette sd", "calinski_harabasz mean",
                "calinski_harabasz sd", "adjusted_rand mean", "adjusted_rand sd"), rows);
    }

    private static List<Object> row(String method, Scores s) {
        return List.of(method, Stats.mean(s.silhouette()), Stats.sd(s.silhouette()),
                Stats.mean(s.calinskiHarabasz()), Stats.sd(s.calinskiHarabasz()),
                Stats.mean(s.adjustedRand()), Stats.sd(s.adjustedRand()));
    }

    /** Every run's scores, seed by seed. */
    private static Table perRun(String title, Outcome o, long seed) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < o.gmm().silhouette().length; r++) {
            rows.add(List.of(seed + r, o.gmm().silhouette()[r], o.kmeans().silhouette()[r],
                    o.gmm().calinskiHarabasz()[r], o.kmeans().calinskiHarabasz()[r], o.gmm().adjustedRand()[r],
                    o.kmeans().adjustedRand()[r]));
        }
        return new Table(title, List.of("seed", "gmm silhouette", "kmeans silhouette", "gmm calinski_harabasz",
                "kmeans calinski_harabasz", "gmm adjusted_rand", "kmeans adjusted_rand"), rows);
    }

    /**
     * What both comparisons report alike: the named numbers, the mean ± sd and per-seed tables, and the
     * first seed's GMM clusters (with 1 and 2 σ ellipses) and K-Means clusters (with centres).
     */
    static void report(ExperimentResult.Builder result, Outcome o, long seed, String gmmChartTitle,
                       String kmeansChartTitle) {
        numbers(result::number, o);
        int runs = o.gmm().silhouette().length;
        result.table(summary("Mean and sd over " + runs + " seeds", o));
        result.table(perRun("Every seed", o, seed));
        Dataset first = o.firstData();
        result.chart(new Chart(gmmChartTitle, ChartKind.SCATTER, "x0", "x1",
                Charts.scatterByLabel(first.data(), o.firstGmm().predict(first.data()), 0, 1, "component "),
                Charts.ellipses(o.firstGmm(), 0, 1)));
        List<Series> kmeans = new ArrayList<>(Charts.scatterByLabel(first.data(), o.firstKmeans().labels(), 0, 1,
                "cluster "));
        kmeans.add(Charts.centres("K-Means centres", o.firstKmeans().centers(), 0, 1));
        result.chart(new Chart(kmeansChartTitle, ChartKind.SCATTER, "x0", "x1", kmeans));
    }

    /** Named numbers for the report's JSON: {@code <method>_<score>_mean} and {@code _sd}. */
    private static void numbers(java.util.function.BiConsumer<String, Object> into, Outcome o) {
        for (String method : List.of("gmm", "kmeans")) {
            Scores s = method.equals("gmm") ? o.gmm() : o.kmeans();
            into.accept(method + "_silhouette_mean", Stats.mean(s.silhouette()));
            into.accept(method + "_silhouette_sd", Stats.sd(s.silhouette()));
            into.accept(method + "_calinski_harabasz_mean", Stats.mean(s.calinskiHarabasz()));
            into.accept(method + "_calinski_harabasz_sd", Stats.sd(s.calinskiHarabasz()));
            into.accept(method + "_adjusted_rand_mean", Stats.mean(s.adjustedRand()));
            into.accept(method + "_adjusted_rand_sd", Stats.sd(s.adjustedRand()));
        }
    }
}
