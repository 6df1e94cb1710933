package dev.gmm.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The R mclust 6.0.0 parity fixtures (fixtures/mclust: 41 fixtures, 3 data sets × the 14 models, each
 * with four runs of {@code me(X, model, z0)}), read once for every module that checks against them
 * (the Java API in gmm-parsimonious, the command line in gmm-app), with the tolerances.
 *
 * <p>mclust's {@code me()} does its M-step from z0 inside its first iteration, an EM that starts from
 * responsibilities does it before: mclust's parameters after i iterations are gmm's after i − 1, and its
 * loglik after i iterations is n × gmm's lower bound after i.
 */
public final class MclustFixtures {
    /** Parameters of the runs with 1, 2 and 10 outer iterations: relative. */
    public static final double FIXED_RUN_TOLERANCE = 1e-6;
    /** Parameters of the converged run: the two stopping rules differ, by about sqrt(tol). */
    public static final double CONVERGED_RUN_TOLERANCE = 1e-5;
    /** loglik and BIC: relative. */
    public static final double LIKELIHOOD_TOLERANCE = 1e-8;
    /** The absolute tolerance of parameters near zero. */
    public static final double NEAR_ZERO = 1e-9;
    /** The index of the run to convergence in a fixture's {@code runs}. */
    public static final int CONVERGED_RUN = 3;

    private static final int FIXTURES = 41;
    private static final int RUNS = 4;

    private MclustFixtures() {
    }

    /** Every fixture's name (INDEX.json), checked to be all 41. */
    public static List<String> names() {
        List<String> names = ((List<?>) SharedFixtures.json("mclust", "INDEX.json")).stream().map(String::valueOf)
                .toList();
        if (names.size() != FIXTURES) {
            throw new IllegalStateException("fixtures/mclust/INDEX.json lists " + names.size() + " fixtures, not "
                    + FIXTURES);
        }
        return names;
    }

    /** Every (fixture, run index) pair: 41 × 4. */
    public static List<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (String name : names()) {
            for (int run = 0; run < RUNS; run++) {
                out.add(new Object[] {name, run});
            }
        }
        return out;
    }

    /**
     * One run of one fixture, as mclust reported it.
     *
     * @param fixture        the fixture's file name ({@code iris-EVE.json})
     * @param model          mclust's model name ({@code EVE})
     * @param dataset        the data's file name in fixtures/mclust (headerless CSV)
     * @param data           the data, N × D
     * @param z0             the starting responsibilities, N × K
     * @param itmax          mclust's limit on outer iterations (100000 for the converged run)
     * @param tol            mclust's tolerance (0 for fixed runs, 1e-10 for the converged one)
     * @param converged      whether this is the run to convergence
     * @param pro            the mixing proportions
     * @param means          the means, K·D row-major
     * @param covariances    the covariances, K·D·D row-major
     * @param loglik         the log-likelihood of the returned parameters
     * @param npar           mclust's parameter count
     * @param bic            mclust's BIC, 2·loglik − npar·log n (larger is better)
     * @param classification the 0-based MAP labels
     * @param decomposition  mclust's scale, shape and orientation (as the fixture has them: compact, or
     *                       null where mclust gives none)
     */
    public record Run(String fixture, String model, String dataset, double[][] data, double[][] z0, int itmax,
                      double tol, boolean converged, double[] pro, double[] means, double[] covariances,
                      double loglik, long npar, double bic, int[] classification, Map<String, Object> decomposition) {

        /** K. */
        public int components() {
            return z0[0].length;
        }

        /** The parameter tolerance of this run (relative; {@link #NEAR_ZERO} absolute). */
        public double tolerance() {
            return converged ? CONVERGED_RUN_TOLERANCE : FIXED_RUN_TOLERANCE;
        }

        /** The data's CSV text, for the command line. */
        public String datasetText() {
            return SharedFixtures.text("mclust", dataset);
        }
    }

    /** Run {@code runIndex} of {@code fixture}. */
    @SuppressWarnings("unchecked")
    public static Run run(String fixture, int runIndex) {
        Map<String, Object> f = (Map<String, Object>) SharedFixtures.json("mclust", fixture);
        Map<String, Object> run = (Map<String, Object>) ((List<?>) f.get("runs")).get(runIndex);
        String dataset = (String) f.get("dataset");
        double[] labels = Json.flat(run.get("classification"));
        int[] classification = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classification[i] = (int) labels[i];
        }
        Map<String, Object> decomposition = new java.util.HashMap<>();
        for (String part : List.of("scale", "shape", "orientation")) {
            decomposition.put(part, run.get(part));
        }
        return new Run(fixture, (String) f.get("model"), dataset, SharedFixtures.csv("mclust", dataset),
                SharedFixtures.csv("mclust", (String) f.get("z0")), ((Number) run.get("itmax")).intValue(),
                ((Number) run.get("tol")).doubleValue(), runIndex == CONVERGED_RUN, Json.flat(run.get("pro")),
                Json.flat(run.get("means")), Json.flat(run.get("covariances")),
                ((Number) run.get("loglik")).doubleValue(), ((Number) run.get("npar")).longValue(),
                ((Number) run.get("bic")).doubleValue(), classification, decomposition);
    }

    /**
     * The iteration at which mclust's rule stops, |ℓᵢ − ℓᵢ₋₁| / (1 + |ℓᵢ|) &lt; tol with ℓᵢ = n × the lower
     * bound after i iterations (index i − 1 of {@code lowerBoundTrace}).
     *
     * @throws AssertionError when the trace ends before the rule stops
     */
    public static int mclustStop(double[] lowerBoundTrace, int n, double tol) {
        for (int i = 1; i < lowerBoundTrace.length; i++) {
            if (mclustRuleStops(n, tol, lowerBoundTrace[i], lowerBoundTrace[i] - lowerBoundTrace[i - 1])) {
                return i + 1;
            }
        }
        throw new AssertionError("mclust's rule does not stop within " + lowerBoundTrace.length + " iterations");
    }

    /**
     * Whether mclust's rule stops at an iteration whose lower bound is {@code lowerBound} and changed by
     * {@code change} from the one before (for an iteration listener that ends the fit there).
     */
    public static boolean mclustRuleStops(int n, double tol, double lowerBound, double change) {
        return Math.abs(n * change) / (1 + Math.abs(n * lowerBound)) < tol;
    }

    /**
     * Each {@code actual[i]} within {@code relative} of {@code expected[i]}, or {@link #NEAR_ZERO} absolute
     * near zero.
     *
     * @throws AssertionError naming {@code what}, the index and both values at the first that is not
     */
    public static void requireClose(double[] expected, double[] actual, double relative, String what) {
        if (actual.length != expected.length) {
            throw new AssertionError(what + ": " + actual.length + " values, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(relative * Math.abs(expected[i]), NEAR_ZERO);
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw new AssertionError(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]
                        + " (tolerance " + tolerance + ")");
            }
        }
    }

    /** {@code actual} within {@code relative} of {@code expected}. */
    public static void requireClose(double expected, double actual, double relative, String what) {
        if (!(Math.abs(actual - expected) <= relative * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative tolerance "
                    + relative + ")");
        }
    }
}
