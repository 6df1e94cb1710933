package dev.gmm.metrics;

import dev.gmm.core.DataMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every value of the scikit-learn 1.2.1 fixture, within 1e-9 relative (AMI 1e-7), curves point by point. */
class SklearnParityTest {

    private static final double REL = 1e-9;

    static void close(String what, double actual, double expected, double rel) {
        double tol = rel * Math.max(1.0, Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, within(tol));
    }

    static void close(String what, double[] actual, double[] expected, double rel) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            close(what + "[" + i + "]", actual[i], expected[i], rel);
        }
    }

    @TestFactory
    List<DynamicTest> every_fixture_value_matches_sklearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Fixture.cases()) {
            String name = (String) c.get("name");
            DataMatrix x = Fixture.x(c);
            int[] truth = Fixture.ints(c, "labels_true");
            int[] pred = Fixture.ints(c, "labels_pred");
            tests.add(DynamicTest.dynamicTest(name + ": internal metrics", () -> {
                close("silhouette", ClusteringMetrics.silhouetteScore(x, pred), Fixture.number(c, "silhouette_euclidean"), REL);
                double[] samples = ClusteringMetrics.silhouetteSamples(x, pred);
                double[] head = Fixture.doubles(c.get("silhouette_samples_head"));
                close("silhouette_samples head", java.util.Arrays.copyOf(samples, head.length), head, REL);
                close("calinski_harabasz", ClusteringMetrics.calinskiHarabaszScore(x, pred), Fixture.number(c, "calinski_harabasz"), REL);
                close("davies_bouldin", ClusteringMetrics.daviesBouldinScore(x, pred), Fixture.number(c, "davies_bouldin"), REL);
            }));
            tests.add(DynamicTest.dynamicTest(name + ": external metrics", () -> {
                assertThat(ClusteringMetrics.contingencyMatrix(truth, pred)).isDeepEqualTo(Fixture.longMatrix(c, "contingency"));
                close("adjusted_rand", ClusteringMetrics.adjustedRandScore(truth, pred), Fixture.number(c, "adjusted_rand"), REL);
                close("nmi", ClusteringMetrics.normalizedMutualInfoScore(truth, pred), Fixture.number(c, "normalized_mutual_info"), REL);
                close("ami", ClusteringMetrics.adjustedMutualInfoScore(truth, pred), Fixture.number(c, "adjusted_mutual_info"), 1e-7);
                close("homogeneity", ClusteringMetrics.homogeneityScore(truth, pred), Fixture.number(c, "homogeneity"), REL);
                close("completeness", ClusteringMetrics.completenessScore(truth, pred), Fixture.number(c, "completeness"), REL);
                close("v_measure", ClusteringMetrics.vMeasureScore(truth, pred), Fixture.number(c, "v_measure"), REL);
                close("fowlkes_mallows", ClusteringMetrics.fowlkesMallowsScore(truth, pred), Fixture.number(c, "fowlkes_mallows"), REL);
                close("best_map_accuracy", ClusteringMetrics.bestMapAccuracy(truth, pred).accuracy(), Fixture.number(c, "best_map_accuracy"), REL);
            }));
            if (c.containsKey("anomaly_truth")) {
                int[] anomalyTruth = Fixture.ints(c, "anomaly_truth");
                double[] scores = Fixture.doubles(c.get("anomaly_scores"));
                tests.add(DynamicTest.dynamicTest(name + ": anomaly metrics and curves", () -> {
                    close("roc_auc", AnomalyMetrics.rocAucScore(anomalyTruth, scores), Fixture.number(c, "roc_auc"), REL);
                    close("average_precision", AnomalyMetrics.averagePrecisionScore(anomalyTruth, scores),
                            Fixture.number(c, "average_precision"), REL);
                    Map<String, Object> roc = Fixture.map(c, "roc_curve");
                    RocCurve curve = AnomalyMetrics.rocCurve(anomalyTruth, scores, true);
                    close("fpr", curve.fpr(), Fixture.doubles(roc.get("fpr")), REL);
                    close("tpr", curve.tpr(), Fixture.doubles(roc.get("tpr")), REL);
                    close("roc thresholds", curve.thresholds(), Fixture.doubles(roc.get("thresholds")), REL);
                    Map<String, Object> pr = Fixture.map(c, "pr_curve");
                    PrecisionRecallCurve prc = AnomalyMetrics.precisionRecallCurve(anomalyTruth, scores);
                    close("precision", prc.precision(), Fixture.doubles(pr.get("precision")), REL);
                    close("recall", prc.recall(), Fixture.doubles(pr.get("recall")), REL);
                    close("pr thresholds", prc.thresholds(), Fixture.doubles(pr.get("thresholds")), REL);
                }));
            }
        }
        assertThat(tests).hasSize(4 * 2 + 2);
        return tests;
    }
}
