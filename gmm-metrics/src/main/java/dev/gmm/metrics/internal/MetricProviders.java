package dev.gmm.metrics.internal;

import dev.gmm.core.app.spi.ClusterMetric;
import dev.gmm.core.app.spi.MetricInput;
import dev.gmm.metrics.AnomalyMetrics;
import dev.gmm.metrics.ClusteringMetrics;

import java.util.function.ToDoubleFunction;

/**
 * The {@link ClusterMetric} providers of this module, one small class per sklearn metric name. Each
 * says which parts of a {@link MetricInput} it needs and delegates to the public metric classes.
 */
public final class MetricProviders {

    private MetricProviders() {
    }

    /** What part of the input a metric reads. */
    enum Needs { DATA_AND_PREDICTED, TRUTH_AND_PREDICTED, ANOMALY }

    /** Shared behaviour: name, description, applicability and input checks. */
    abstract static class Base implements ClusterMetric {
        private final String name;
        private final String description;
        private final Needs needs;
        private final boolean higherIsBetter;
        private final ToDoubleFunction<MetricInput> formula;

        Base(String name, String description, Needs needs, boolean higherIsBetter, ToDoubleFunction<MetricInput> formula) {
            this.name = name;
            this.description = description;
            this.needs = needs;
            this.higherIsBetter = higherIsBetter;
            this.formula = formula;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        @Override
        public boolean appliesTo(MetricInput input) {
            return input != null && switch (needs) {
                case DATA_AND_PREDICTED -> input.data() != null && input.predicted() != null;
                case TRUTH_AND_PREDICTED -> input.truth() != null && input.predicted() != null;
                case ANOMALY -> input.scores() != null && input.anomalyTruth() != null;
            };
        }

        @Override
        public double compute(MetricInput input) {
            if (!appliesTo(input)) {
                throw new IllegalArgumentException(name + " needs " + switch (needs) {
                    case DATA_AND_PREDICTED -> "the data and predicted labels";
                    case TRUTH_AND_PREDICTED -> "true and predicted labels";
                    case ANOMALY -> "anomaly scores and a 0/1 anomaly truth";
                } + "; the input lacks them");
            }
            return formula.applyAsDouble(input);
        }
    }

    /** silhouette_score. */
    public static final class SilhouetteScore extends Base {
        public SilhouetteScore() {
            super("silhouette_score", "mean silhouette coefficient (euclidean), exact", Needs.DATA_AND_PREDICTED, true,
                    in -> ClusteringMetrics.silhouetteScore(in.data(), in.predicted()));
        }
    }

    /** calinski_harabasz_score. */
    public static final class CalinskiHarabaszScore extends Base {
        public CalinskiHarabaszScore() {
            super("calinski_harabasz_score", "variance ratio criterion", Needs.DATA_AND_PREDICTED, true,
                    in -> ClusteringMetrics.calinskiHarabaszScore(in.data(), in.predicted()));
        }
    }

    /** davies_bouldin_score. */
    public static final class DaviesBouldinScore extends Base {
        public DaviesBouldinScore() {
            super("davies_bouldin_score", "mean similarity to the most similar cluster (lower is better)",
                    Needs.DATA_AND_PREDICTED, false,
                    in -> ClusteringMetrics.daviesBouldinScore(in.data(), in.predicted()));
        }
    }

    /** adjusted_rand_score. */
    public static final class AdjustedRandScore extends Base {
        public AdjustedRandScore() {
            super("adjusted_rand_score", "Rand index adjusted for chance", Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.adjustedRandScore(in.truth(), in.predicted()));
        }
    }

    /** normalized_mutual_info_score. */
    public static final class NormalizedMutualInfoScore extends Base {
        public NormalizedMutualInfoScore() {
            super("normalized_mutual_info_score", "mutual information over the mean entropy (arithmetic)",
                    Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.normalizedMutualInfoScore(in.truth(), in.predicted()));
        }
    }

    /** adjusted_mutual_info_score. */
    public static final class AdjustedMutualInfoScore extends Base {
        public AdjustedMutualInfoScore() {
            super("adjusted_mutual_info_score", "mutual information adjusted for chance", Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.adjustedMutualInfoScore(in.truth(), in.predicted()));
        }
    }

    /** homogeneity_score. */
    public static final class HomogeneityScore extends Base {
        public HomogeneityScore() {
            super("homogeneity_score", "each cluster holds a single class", Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.homogeneityScore(in.truth(), in.predicted()));
        }
    }

    /** completeness_score. */
    public static final class CompletenessScore extends Base {
        public CompletenessScore() {
            super("completeness_score", "each class lies in a single cluster", Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.completenessScore(in.truth(), in.predicted()));
        }
    }

    /** v_measure_score. */
    public static final class VMeasureScore extends Base {
        public VMeasureScore() {
            super("v_measure_score", "harmonic mean of homogeneity and completeness", Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.vMeasureScore(in.truth(), in.predicted()));
        }
    }

    /** fowlkes_mallows_score. */
    public static final class FowlkesMallowsScore extends Base {
        public FowlkesMallowsScore() {
            super("fowlkes_mallows_score", "geometric mean of pairwise precision and recall", Needs.TRUTH_AND_PREDICTED,
                    true, in -> ClusteringMetrics.fowlkesMallowsScore(in.truth(), in.predicted()));
        }
    }

    /** best_map_accuracy. */
    public static final class BestMapAccuracy extends Base {
        public BestMapAccuracy() {
            super("best_map_accuracy", "accuracy under the best cluster-to-class assignment (Hungarian)",
                    Needs.TRUTH_AND_PREDICTED, true,
                    in -> ClusteringMetrics.bestMapAccuracy(in.truth(), in.predicted()).accuracy());
        }
    }

    /** roc_auc_score. */
    public static final class RocAucScore extends Base {
        public RocAucScore() {
            super("roc_auc_score", "area under the ROC curve of anomaly scores", Needs.ANOMALY, true,
                    in -> AnomalyMetrics.rocAucScore(in.anomalyTruth(), in.scores()));
        }
    }

    /** average_precision_score. */
    public static final class AveragePrecisionScore extends Base {
        public AveragePrecisionScore() {
            super("average_precision_score", "step-wise area under the precision-recall curve", Needs.ANOMALY, true,
                    in -> AnomalyMetrics.averagePrecisionScore(in.anomalyTruth(), in.scores()));
        }
    }
}
