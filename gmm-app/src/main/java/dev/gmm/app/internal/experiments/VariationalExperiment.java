package dev.gmm.app.internal.experiments;

import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.MixtureModel;
import dev.gmm.core.VariationalPriors;
import dev.gmm.core.WeightConcentrationPriorType;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Ellipse;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Datasets;
import dev.gmm.metrics.ClusteringMetrics;
import dev.gmm.metrics.ModelSelection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Experiment {@code variational}: how many components does Iris need? A variational Bayesian mixture
 * (scikit-learn's BayesianGaussianMixture) of K = 10 full components, under both weight priors and
 * four weight concentrations γ₀ (0.01, scikit-learn's default 1/K, 1, 100), switches the components
 * it does not need off; beside it, BIC over EM fits of 1..K full components (gmm-metrics'
 * ModelSelection) picks one K. Bars of the sorted weights, the surviving counts beside BIC's K, and
 * the fitted ellipses on Iris's first two principal components. {@code --data} does not apply.
 */
public final class VariationalExperiment implements Experiment {
    static final int K = 10;
    /** Concentrations shown, smallest first; 1/K is scikit-learn's default. */
    static final double[] CONCENTRATIONS = {0.01, 1.0 / K, 1, 100};
    /**
     * Variational EM creeps on a flat lower bound long after EM would stop; scikit-learn's 100
     * iterations leave several of these fits unconverged, which would blur what the prior does.
     */
    static final int MAX_ITER = 1000;

    @Override
    public String name() {
        return "variational";
    }

    @Override
    public boolean readsData() {
        return false;
    }

    @Override
    public String description() {
        return "Iris, K = 10: components a variational Bayesian mixture keeps (both weight priors, γ₀ 0.01..100) "
                + "beside the K that BIC picks for EM";
    }

    /** One variational fit: its prior and the model. */
    record Arm(WeightConcentrationPriorType type, double concentration, BayesianGaussianMixtureModel model) {
        boolean isDefault() {
            return concentration == 1.0 / K;
        }

        String label() {
            return shortName(type) + " γ₀=" + plain(concentration);
        }

        int surviving() {
            return SurvivingComponents.count(model.weights(), SurvivingComponents.THRESHOLD);
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        context.read(this); // it takes no options: refuses any key
        Dataset iris = Datasets.iris();
        DataMatrix x = iris.data();
        long seed = context.seed();
        context.progress().start("variational fits, then EM by BIC", 2L * CONCENTRATIONS.length + 1);
        List<Arm> arms = new ArrayList<>();
        for (WeightConcentrationPriorType type : WeightConcentrationPriorType.values()) {
            for (double gamma : CONCENTRATIONS) {
                arms.add(new Arm(type, gamma, fit(x, type, gamma, seed)));
                context.progress().advance(1);
            }
        }
        ModelSelection.Result em = ModelSelection.builder().components(IntStream.rangeClosed(1, K).toArray())
                .covarianceTypes("full").seed(seed).criterion("bic").build().select(x, null);
        context.progress().advance(1);
        context.progress().finish();
        int bicK = em.bestCandidate().components();
        Arm defaultProcess = defaultArm(arms, WeightConcentrationPriorType.DIRICHLET_PROCESS);
        Arm defaultDistribution = defaultArm(arms, WeightConcentrationPriorType.DIRICHLET_DISTRIBUTION);

        var result = ExperimentResult.builder(name(), "How many components? Variational Bayes beside BIC")
                .summary(String.format(Locale.ROOT, "The bundled Iris (%d flowers, 4 features). Variational: "
                        + "BayesianGaussianMixture, K = %d full components, k-means start, seed %d, at most %d "
                        + "iterations, both weight_concentration_prior_types and γ₀ in {%s} (1/K is scikit-learn's "
                        + "default; the other priors at their defaults). A component survives when its weight "
                        + "is at least %s. EM: full components, K = 1..%d, ranked by BIC.", x.rows(), K, seed, MAX_ITER,
                        String.join(", ", java.util.Arrays.stream(CONCENTRATIONS).mapToObj(
                                VariationalExperiment::plain).toList()), plain(SurvivingComponents.THRESHOLD), K));
        int[] species = iris.labels();
        result.table(armsTable(arms, x, species));
        result.table(bicTable(em));
        result.chart(survivorsChart(arms, bicK));
        for (WeightConcentrationPriorType type : WeightConcentrationPriorType.values()) {
            result.chart(weightsChart(arms, type));
        }
        result.chart(bicChart(em));
        PrincipalPlane plane = PrincipalPlane.of(x);
        result.chart(ellipseChart(plane, x, defaultProcess.model(), "Variational, " + shortName(
                defaultProcess.type()) + " prior, default γ₀: the " + defaultProcess.surviving() + " components with "
                + "weight ≥ " + plain(SurvivingComponents.THRESHOLD)));
        result.chart(ellipseChart(plane, x, em.best(), "EM, " + bicK + " full components chosen by BIC"));

        numbers(result, arms, em, bicK);
        findings(result, arms, defaultProcess, defaultDistribution, bicK, x.rows(),
                ClusteringMetrics.adjustedRandScore(species, defaultProcess.model().predict(x)),
                ClusteringMetrics.adjustedRandScore(species, em.best().predict(x)));
        return result.build();
    }

    private static BayesianGaussianMixtureModel fit(DataMatrix x, WeightConcentrationPriorType type, double gamma,
                                                    long seed) {
        VariationalPriors priors = gamma == 1.0 / K ? VariationalPriors.defaults()
                : VariationalPriors.defaults().withWeightConcentrationPrior(gamma);
        return BayesianGaussianMixture.builder().components(K).covarianceType("full").weightConcentrationPriorType(type)
                .priors(priors).maxIter(MAX_ITER).seed(seed).threads(1).build().fit(x);
    }

    private static Arm defaultArm(List<Arm> arms, WeightConcentrationPriorType type) {
        return arms.stream().filter(a -> a.type() == type && a.isDefault()).findFirst().orElseThrow();
    }

    private static ExperimentResult.Table armsTable(List<Arm> arms, DataMatrix x, int[] species) {
        double t = SurvivingComponents.THRESHOLD;
        List<List<Object>> rows = new ArrayList<>();
        for (Arm a : arms) {
            double[] w = a.model().weights();
            rows.add(List.of(a.type().sklearnName(), a.concentration(), a.surviving(),
                    SurvivingComponents.smallestAbove(w, t), SurvivingComponents.largestBelow(w, t),
                    a.model().report().lowerBound(), a.model().score(x),
                    ClusteringMetrics.adjustedRandScore(species, a.model().predict(x)), a.model().report().converged(),
                    a.model().report().iterations()));
        }
        return new ExperimentResult.Table("Variational fits, K = " + K + " full components", List.of(
                "weight_concentration_prior_type", "weight_concentration_prior", "surviving (weight ≥ " + plain(t) + ")",
                "smallest surviving weight", "largest switched-off weight", "lower_bound", "mean_log_likelihood",
                "adjusted_rand_score vs species", "converged", "n_iter"), rows);
    }

    private static List<ModelSelection.Candidate> byComponents(ModelSelection.Result em) {
        return em.ranked().stream().sorted(Comparator.comparingInt(ModelSelection.Candidate::components)).toList();
    }

    private static ExperimentResult.Table bicTable(ModelSelection.Result em) {
        List<List<Object>> rows = new ArrayList<>();
        for (ModelSelection.Candidate c : byComponents(em)) {
            rows.add(List.of(c.components(), c.bic(), c.converged(),
                    c.components() == em.bestCandidate().components() ? "selected" : ""));
        }
        return new ExperimentResult.Table("EM, full components, by BIC (lower is better)",
                List.of("n_components", "bic", "converged", ""), rows);
    }

    private static Chart survivorsChart(List<Arm> arms, int bicK) {
        List<String> labels = arms.stream().map(Arm::label).toList();
        double[] counts = arms.stream().mapToDouble(Arm::surviving).toArray();
        return new Chart("Components kept of K = " + K + " (weight ≥ " + plain(SurvivingComponents.THRESHOLD)
                + ")", ChartKind.BAR, "prior and γ₀", "components", List.of(
                new Series("variational: surviving components", positions(labels.size()), counts, labels),
                new Series("EM: K chosen by BIC", new double[] {0}, new double[] {bicK}, List.of("EM by BIC"))));
    }

    private static Chart weightsChart(List<Arm> arms, WeightConcentrationPriorType type) {
        List<String> ranks = IntStream.rangeClosed(1, K).mapToObj(Integer::toString).toList();
        List<Series> series = arms.stream().filter(a -> a.type() == type)
                .map(a -> new Series("γ₀ = " + plain(a.concentration()) + (a.isDefault() ? " (default)" : "") + ": "
                        + a.surviving() + " kept", positions(K), SurvivingComponents.sortedDescending(a.model().weights()),
                        ranks)).toList();
        return new Chart("Weights after fitting, largest first, " + type.sklearnName() + " prior, K = " + K,
                ChartKind.BAR, "component, by weight", "weight", series);
    }

    private static Chart bicChart(ModelSelection.Result em) {
        List<ModelSelection.Candidate> c = byComponents(em);
        return new Chart("BIC of EM fits, full components (selected: " + em.bestCandidate().components() + ")",
                ChartKind.LINE, "n_components", "BIC", List.of(new Series("BIC",
                c.stream().mapToDouble(ModelSelection.Candidate::components).toArray(),
                c.stream().mapToDouble(ModelSelection.Candidate::bic).toArray())));
    }

    /** The flowers coloured by component and the kept components' ellipses, on the principal plane. */
    private static Chart ellipseChart(PrincipalPlane plane, DataMatrix x, MixtureModel model, String title) {
        List<Ellipse> ellipses = new ArrayList<>();
        for (int k : SurvivingComponents.indices(model.weights(), SurvivingComponents.THRESHOLD)) {
            ellipses.add(plane.ellipse(model, k));
        }
        return new Chart(title + " (1 and 2 σ, first two principal components)", ChartKind.SCATTER,
                plane.axisLabel(0), plane.axisLabel(1),
                Charts.scatterByLabel(plane.project(x), model.predict(x), 0, 1, "component "), ellipses);
    }

    private static void numbers(ExperimentResult.Builder result, List<Arm> arms, ModelSelection.Result em, int bicK) {
        result.number("n_components", K).number("threshold", SurvivingComponents.THRESHOLD);
        result.number("bic_selected_components", bicK);
        result.number("bic_by_components", byComponents(em).stream().map(ModelSelection.Candidate::bic).toList());
        Map<String, Object> surviving = new LinkedHashMap<>();
        Map<String, Object> weights = new LinkedHashMap<>();
        for (Arm a : arms) {
            surviving.put(a.label(), a.surviving());
            weights.put(a.label(), SurvivingComponents.sortedDescending(a.model().weights()));
            if (a.isDefault()) {
                result.number("default_" + a.type().sklearnName() + "_surviving", a.surviving());
            }
        }
        result.number("surviving", surviving).number("sorted_weights", weights);
        result.number("converged_fits", arms.stream().filter(a -> a.model().report().converged()).count());
    }

    private static void findings(ExperimentResult.Builder result, List<Arm> arms, Arm process, Arm distribution,
                                 int bicK, int n, double processAri, double emAri) {
        String processVsBic = compared(process.surviving(), bicK);
        String distributionVsBic = compared(distribution.surviving(), bicK);
        result.finding(String.format(Locale.ROOT, "With scikit-learn's default priors (γ₀ = 1/K) a variational "
                        + "mixture of K = %d full components keeps %d under the Dirichlet-process prior and %d under "
                        + "the Dirichlet-distribution prior (weight ≥ %s); BIC over EM fits of 1..%d components picks "
                        + "%d. %s", K, process.surviving(), distribution.surviving(),
                plain(SurvivingComponents.THRESHOLD), K, bicK, processVsBic.equals(distributionVsBic)
                        ? "Both priors keep " + processVsBic + " BIC's choice."
                        : "The Dirichlet process keeps " + processVsBic + " BIC's choice, the Dirichlet distribution "
                        + distributionVsBic + " it."));
        for (WeightConcentrationPriorType type : WeightConcentrationPriorType.values()) {
            List<Integer> counts = arms.stream().filter(a -> a.type() == type).map(Arm::surviving).toList();
            boolean rising = IntStream.range(1, counts.size()).allMatch(i -> counts.get(i) >= counts.get(i - 1));
            boolean flat = counts.stream().distinct().count() == 1;
            result.finding(String.format(Locale.ROOT, "%s prior: γ₀ = %s keeps %s components: %s", type.sklearnName(),
                    String.join(", ", java.util.Arrays.stream(CONCENTRATIONS).mapToObj(VariationalExperiment::plain)
                            .toList()), counts.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    flat ? "the concentration does not move the count here."
                            : rising ? "a larger concentration keeps more components, so the count is partly the "
                            + "prior's answer, not only the data's."
                            : "the count does not rise steadily with the concentration (the fits end in different "
                            + "local optima)."));
        }
        double t = SurvivingComponents.THRESHOLD;
        double below = arms.stream().mapToDouble(a -> SurvivingComponents.largestBelow(a.model().weights(), t)).max()
                .orElse(0);
        double above = arms.stream().mapToDouble(a -> SurvivingComponents.smallestAbove(a.model().weights(), t))
                .filter(Double::isFinite).min().orElse(Double.NaN);
        List<String> sensitive = arms.stream().filter(a -> SurvivingComponents.count(a.model().weights(), t / 2)
                != SurvivingComponents.count(a.model().weights(), 2 * t)).map(Arm::label).toList();
        result.number("largest_switched_off_weight", below).number("smallest_surviving_weight", above);
        result.number("fits_whose_count_moves_between_half_and_twice_the_threshold", sensitive);
        result.finding(String.format(Locale.ROOT, "The line: over the %d variational fits the largest weight "
                        + "below %s is %.2g (%.1f of %d flowers) and the smallest at or above it %.3f (%.1f flowers). "
                        + "Moving the line to %s or %s changes the count of %s.", arms.size(), plain(t), below,
                below * n, n, above, above * n, plain(t / 2), plain(2 * t), sensitive.isEmpty() ? "no fit"
                        : sensitive.size() + " (" + String.join("; ", sensitive) + ")"));
        long converged = arms.stream().filter(a -> a.model().report().converged()).count();
        result.finding(String.format(Locale.ROOT, "Against the 3 species, the default Dirichlet-process fit scores "
                        + "adjusted Rand %.3f and the BIC-selected EM model of %d components %.3f. %d of %d variational "
                        + "fits converged within %d iterations.", processAri, bicK, emAri, converged, arms.size(),
                MAX_ITER));
    }

    /** How a kept count reads beside BIC's: "as many components as", "more components than", "fewer components than". */
    static String compared(int kept, int selected) {
        return kept == selected ? "as many components as" : kept > selected ? "more components than"
                : "fewer components than";
    }

    private static String shortName(WeightConcentrationPriorType type) {
        return type == WeightConcentrationPriorType.DIRICHLET_PROCESS ? "process" : "distribution";
    }

    /** 0.01, 0.1, 1, 100: a concentration as a reader writes it. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double[] positions(int n) {
        return IntStream.range(0, n).asDoubleStream().toArray();
    }
}
