package dev.gmm.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What EM must do beyond matching scikit-learn run for run. */
class EmBehaviourTest {

    @Test
    void theBestOfTenKMeansStartsIsNoWorseThanScikitLearns() {
        for (Object o : Fixtures.jsonList("kmeans-init-quality.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) o;
            DataMatrix x = Fixtures.csv((String) row.get("dataset"));
            GaussianMixtureModel model = GaussianMixture.builder()
                    .components(((Number) row.get("n_components")).intValue())
                    .covarianceType((String) row.get("covariance_type"))
                    .initMethod((String) row.get("init_params"))
                    .nInit(((Number) row.get("n_init")).intValue())
                    .seed(0)
                    .build().fit(x);
            double sklearn = ((Number) row.get("lower_bound")).doubleValue();
            assertThat(model.report().lowerBound())
                    .as(row.get("dataset") + " " + row.get("covariance_type"))
                    .isGreaterThanOrEqualTo(sklearn - 1e-3);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void irisFallsIntoItsSpeciesLikeTheStudy(long seed) {
        DataMatrix x = Fixtures.csv("iris.csv");
        int[] species = Fixtures.labels("iris.labels.csv");
        int[] labels = GaussianMixture.builder().components(3).covarianceType("full").nInit(10).seed(seed)
                .build().fitPredict(x);
        assertThat(bestMatchedCount(species, labels, 3)).isEqualTo(145);
    }

    /** The largest number of agreements over all relabelings of 3 clusters. */
    static int bestMatchedCount(int[] truth, int[] predicted, int k) {
        int[][] counts = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            counts[predicted[i]][truth[i]]++;
        }
        int best = 0;
        for (List<Integer> perm : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0))) {
            int s = 0;
            for (int c = 0; c < k; c++) {
                s += counts[c][perm.get(c)];
            }
            best = Math.max(best, s);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void integerSampleWeightsEqualRepeatedRows(String type) {
        DataMatrix x = Fixtures.csv("blobs5d.csv");
        int n = x.rows();
        double[] weights = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        int total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(4);
            total += (int) weights[i];
        }
        double[][] repeated = new double[total][];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < weights[i]; c++) {
                repeated[r++] = x.row(i);
            }
        }
        // the same explicit start for both, so only the weighting differs
        GaussianMixture gm = GaussianMixture.builder().components(3).covarianceType(type).tol(0).maxIter(20)
                .meansInit(new double[][] {x.row(0), x.row(1), x.row(2)})
                .weightsInit(new double[] {0.2, 0.3, 0.5})
                .precisionsInit(identityPrecisions(type, 3, x.cols()))
                .build();
        GaussianMixtureModel weighted = gm.fit(x, weights);
        GaussianMixtureModel expanded = gm.fit(DataMatrix.of(repeated));
        assertThat(weighted.weights()).containsExactly(expanded.weights(), org.assertj.core.data.Offset.offset(1e-10));
        assertThat(SklearnParityTest.flatten(weighted.means()))
                .containsExactly(SklearnParityTest.flatten(expanded.means()), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.covariances().values())
                .containsExactly(expanded.covariances().values(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.report().lowerBound()).isCloseTo(expanded.report().lowerBound(), org.assertj.core.data.Offset.offset(1e-10));
    }

    static ShapedArray identityPrecisions(String type, int k, int d) {
        return switch (type) {
            case "full" -> {
                double[] v = new double[k * d * d];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < d; j++) {
                        v[(c * d + j) * d + j] = 1;
                    }
                }
                yield new ShapedArray(new int[] {k, d, d}, v);
            }
            case "tied" -> {
                double[] v = new double[d * d];
                for (int j = 0; j < d; j++) {
                    v[j * d + j] = 1;
                }
                yield new ShapedArray(new int[] {d, d}, v);
            }
            case "diag" -> new ShapedArray(new int[] {k, d}, filled(k * d));
            default -> new ShapedArray(new int[] {k}, filled(k));
        };
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void dataFarFromTheOriginKeepTheirVariance(String type) {
        // offset 1e6, standard deviation 1e-3: E[x²] − E[x]² would cancel every digit
        int n = 2000;
        int d = 2;
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + 1e-3 * random.nextGaussian();
        }
        DataMatrix data = DataMatrix.wrap(x, n, d);
        double regCovar = 1e-6;
        GaussianMixtureModel model = GaussianMixture.builder().components(1).covarianceType(type).regCovar(regCovar)
                .build().fit(data);
        double[] twoPass = twoPassVariances(i -> x[i], n, d);
        double[][] cov = model.covariance(0);
        double expectedSpherical = (twoPass[0] + twoPass[1]) / 2 + regCovar;
        for (int j = 0; j < d; j++) {
            double expected = type.equals("spherical") ? expectedSpherical : twoPass[j] + regCovar;
            assertThat(cov[j][j]).as(type + " variance " + j).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
    }

    /**
     * The same check on float32 storage, where the SIMD kernel computes in float: offset 1e3 and
     * standard deviation 1 (a float keeps about 4 digits of such a value beyond the offset), against
     * the two-pass variance of the stored floats, within the same 1e-6 relative.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "tied", "diag", "spherical"})
    void float32DataFarFromTheOriginKeepTheirVariance(String type) {
        int n = 5000;
        int d = 3;
        SplittableRandom random = new SplittableRandom(12);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1e3 + random.nextGaussian());
        }
        double regCovar = 1e-6;
        GaussianMixtureModel model = GaussianMixture.builder().components(1).covarianceType(type).regCovar(regCovar)
                .build().fit(DataMatrix.wrapFloat(x, n, d));
        double[] twoPass = twoPassVariances(i -> x[i], n, d);
        double average = java.util.Arrays.stream(twoPass).sum() / d;
        double[][] cov = model.covariance(0);
        for (int j = 0; j < d; j++) {
            double expected = (type.equals("spherical") ? average : twoPass[j]) + regCovar;
            assertThat(cov[j][j]).as(type + " variance " + j).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
    }

    /**
     * A component that is nearly flat in one rotated direction (variance 1e-8 there, 100 in the
     * others) has a covariance whose smallest eigenvalue is about reg_covar. Float products of
     * (x − μ)(x − μ)ᵀ would be off by ~6e-8·‖x − μ‖² ≈ 1e-4 and leave it indefinite; float32 storage
     * must fit wherever float64 does, with the same thin variance.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "tied"})
    void float32DataWithANearlyFlatComponentFitLikeFloat64(String type) {
        int n = 2000;
        int d = 16;
        SplittableRandom random = new SplittableRandom(21);
        double[] direction = new double[d];
        for (int j = 0; j < d; j++) {
            direction[j] = 1.0 / Math.sqrt(d) * (j % 2 == 0 ? 1 : -1);
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = 10 * random.nextGaussian();
            }
            // remove the row's component along `direction`, then put back a tiny one (sd 1e-4)
            double along = 0;
            for (int j = 0; j < d; j++) {
                along += row[j] * direction[j];
            }
            double tiny = 1e-4 * random.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (row[j] + (tiny - along) * direction[j]);
            }
        }
        GaussianMixture mixture = GaussianMixture.builder().components(1).covarianceType(type).regCovar(1e-6)
                .build();
        GaussianMixtureModel m32 = mixture.fit(DataMatrix.wrapFloat(x, n, d));
        GaussianMixtureModel m64 = mixture.fit(DataMatrix.wrapFloat(x, n, d).toFloat64());
        assertThat(thinVariance(m32.covariance(0), direction))
                .isCloseTo(thinVariance(m64.covariance(0), direction), org.assertj.core.data.Percentage.withPercentage(1));
    }

    /** uᵀ Σ u. */
    private static double thinVariance(double[][] covariance, double[] u) {
        double v = 0;
        for (int a = 0; a < u.length; a++) {
            for (int b = 0; b < u.length; b++) {
                v += u[a] * covariance[a][b] * u[b];
            }
        }
        return v;
    }

    /** Per feature, Σ (x − mean)² / n with the mean computed first: the reference for the offset checks. */
    private static double[] twoPassVariances(java.util.function.IntToDoubleFunction value, int n, int d) {
        double[] variances = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += value.applyAsDouble(i * d + j);
            }
            mean /= n;
            double s = 0;
            for (int i = 0; i < n; i++) {
                double centred = value.applyAsDouble(i * d + j) - mean;
                s += centred * centred;
            }
            variances[j] = s / n;
        }
        return variances;
    }

    @Test
    void theSameSeedGivesTheSameModelRunAfterRun() {
        DataMatrix x = Fixtures.csv("aniso2d.csv");
        for (String init : List.of("kmeans", "k-means++", "random", "random_from_data")) {
            GaussianMixture gm = GaussianMixture.builder().components(3).initMethod(init).nInit(3).seed(42).build();
            GaussianMixtureModel a = gm.fit(x);
            GaussianMixtureModel b = gm.fit(x);
            assertThat(a.means()).as(init).isDeepEqualTo(b.means());
            assertThat(a.covariances()).as(init).isEqualTo(b.covariances());
            assertThat(a.report().lowerBound()).as(init).isEqualTo(b.report().lowerBound());
        }
    }

    @Test
    void resultsAreBitIdenticalOnOneTwoAndEightThreads() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40_000;
        int d = 5;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() + (i / d % 3) * 4;
        }
        DataMatrix data = DataMatrix.wrap(x, n, d);
        GaussianMixtureModel one = GaussianMixture.builder().components(4).threads(1).maxIter(5).tol(0).build().fit(data);
        GaussianMixtureModel two = GaussianMixture.builder().components(4).threads(2).maxIter(5).tol(0).build().fit(data);
        GaussianMixtureModel eight = GaussianMixture.builder().components(4).threads(8).maxIter(5).tol(0).build().fit(data);
        assertThat(one.report().workers()).isEqualTo(1);
        // how many workers get a chunk depends on scheduling; never more than asked for
        assertThat(two.report().workers()).isBetween(1, 2);
        assertThat(eight.report().workers()).isBetween(1, 8);
        for (GaussianMixtureModel other : List.of(two, eight)) {
            assertThat(other.means()).isDeepEqualTo(one.means());
            assertThat(other.covariances()).isEqualTo(one.covariances());
            assertThat(other.weights()).containsExactly(one.weights());
            assertThat(other.report().lowerBound()).isEqualTo(one.report().lowerBound());
        }
    }

    @Test
    void fitPredictLabelsEqualPredictAfterFit() {
        DataMatrix x = Fixtures.csv("blobs5d.csv");
        GaussianMixture gm = GaussianMixture.builder().components(4).maxIter(3).seed(5).build();
        assertThat(gm.fitPredict(x)).containsExactly(gm.fit(x).predict(x));
    }

    @Test
    void samplesFollowTheMixture() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(x);
        GaussianMixtureModel.Sample s = model.sample(30_000, 9);
        assertThat(s.data().rows()).isEqualTo(30_000);
        double[] w = model.weights();
        for (int c = 0; c < 3; c++) {
            final int comp = c;
            long count = java.util.Arrays.stream(s.components()).filter(v -> v == comp).count();
            assertThat(count / 30_000.0).isCloseTo(w[c], org.assertj.core.data.Offset.offset(0.015));
        }
        // a model refitted on its own samples scores them about as well as the original does
        assertThat(model.score(s.data())).isCloseTo(model.score(x), org.assertj.core.data.Offset.offset(0.35));
    }

    @Test
    void maxIterZeroReturnsTheInitialization() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(3).maxIter(0).build().fit(x);
        assertThat(model.report().iterations()).isZero();
        assertThat(model.report().converged()).isFalse();
        assertThat(model.report().lowerBound()).isFinite();
    }

    @Test
    void aWarmStartContinuesFromTheModel() {
        DataMatrix x = Fixtures.csv("iris.csv");
        GaussianMixture five = GaussianMixture.builder().components(3).tol(0).maxIter(5).seed(2).build();
        GaussianMixture ten = five.toBuilder().maxIter(10).build();
        GaussianMixtureModel continued = five.fit(x, null, five.fit(x));
        GaussianMixtureModel straight = ten.fit(x);
        assertThat(SklearnParityTest.flatten(continued.means()))
                .containsExactly(SklearnParityTest.flatten(straight.means()), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aStreamOfRowsIsLabelledLikeTheWholeMatrix() {
        DataMatrix x = Fixtures.csv("blobs5d.csv");
        GaussianMixtureModel model = GaussianMixture.builder().components(4).seed(3).build().fit(x);
        java.util.stream.Stream<double[]> rows = java.util.stream.IntStream.range(0, x.rows()).mapToObj(x::row);
        assertThat(model.predictStream(rows).toArray()).containsExactly(model.predict(x));
    }
}
