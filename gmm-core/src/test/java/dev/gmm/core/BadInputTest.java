package dev.gmm.core;

import dev.gmm.core.spi.IllDefinedCovarianceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails at the API boundary with a message naming the argument, the value and the fix. */
class BadInputTest {
    private static final DataMatrix IRIS = Fixtures.csv("iris.csv");

    @Test
    void nanAndInfiniteValuesAreRejected() {
        double[][] rows = IRIS.toArray();
        rows[7][2] = Double.NaN;
        assertThatThrownBy(() -> GaussianMixture.builder().build().fit(DataMatrix.of(rows)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN").hasMessageContaining("row 7");
        rows[7][2] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> GaussianMixture.builder().build().fit(DataMatrix.of(rows)))
                .hasMessageContaining("Infinity").hasMessageContaining("column 2");
    }

    @Test
    void finiteRowsWhoseDensityLeavesDoublePrecisionAreRefusedNotScoredAsNaN() {
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(0).build().fit(IRIS);
        DataMatrix far = DataMatrix.of(new double[][] {{5, 3, 1, 0.2}, {1e300, 3, 1, 0.2}});
        assertThatThrownBy(() -> model.scoreSamples(far)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1").hasMessageContaining("rescale the data");
        assertThatThrownBy(() -> model.predictProba(far)).hasMessageContaining("row 1");
        assertThatThrownBy(() -> model.predict(far)).hasMessageContaining("row 1");
    }

    @Test
    void fewerRowsThanComponentsIsRejected() {
        assertThatThrownBy(() -> GaussianMixture.builder().components(5).build().fit(IRIS.rowRange(0, 3)))
                .hasMessageContaining("n_components = 5, n_samples = 3");
    }

    @Test
    void emptyAndRaggedArraysAreRejected() {
        assertThatThrownBy(() -> DataMatrix.of(new double[0][])).hasMessageContaining("no rows");
        assertThatThrownBy(() -> DataMatrix.of(new double[][] {{}})).hasMessageContaining("no columns");
        assertThatThrownBy(() -> DataMatrix.of(new double[][] {{1, 2}, {3}})).hasMessageContaining("ragged")
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> DataMatrix.wrap(new double[5], 2, 3)).hasMessageContaining("rows*cols");
    }

    @Test
    void startArraysOfTheWrongShapeAreRejected() {
        assertThatThrownBy(() -> GaussianMixture.builder().components(3).meansInit(new double[][] {{1, 2, 3, 4}}).build())
                .hasMessageContaining("'means' should have shape");
        assertThatThrownBy(() -> GaussianMixture.builder().components(2).meansInit(new double[][] {{1, 2}, {3, 4}})
                .build().fit(IRIS)).hasMessageContaining("'means' should have shape (2, 4)");
        assertThatThrownBy(() -> GaussianMixture.builder().components(2).precisionsInit(new double[][] {{1, 0}, {0, 1}})
                .build().fit(IRIS)).hasMessageContaining("'precisions'").hasMessageContaining("[2, 4, 4]");
        assertThatThrownBy(() -> GaussianMixture.builder().components(3).weightsInit(new double[] {0.5, 0.5}).build())
                .hasMessageContaining("'weights' should have shape (3,)");
    }

    @Test
    void weightsThatDoNotSumToOneAreRejected() {
        assertThatThrownBy(() -> GaussianMixture.builder().components(2).weightsInit(new double[] {0.5, 0.6}).build())
                .hasMessageContaining("should be normalized").hasMessageContaining("1.10000");
    }

    @Test
    void precisionsThatAreNotSymmetricPositiveDefiniteAreRejected() {
        double[][][] notSymmetric = {{{1, 0.5}, {0, 1}}};
        double[][][] notPositive = {{{1, 2}, {2, 1}}};
        DataMatrix x = IRIS.toArray().length > 0 ? DataMatrix.of(sliceColumns(IRIS.toArray(), 2)) : null;
        assertThatThrownBy(() -> GaussianMixture.builder().precisionsInit(notSymmetric).build().fit(x))
                .hasMessageContaining("'full precision' should be symmetric, positive-definite");
        assertThatThrownBy(() -> GaussianMixture.builder().precisionsInit(notPositive).build().fit(x))
                .hasMessageContaining("not positive-definite");
        assertThatThrownBy(() -> GaussianMixture.builder().covarianceType("diag").precisionsInit(new double[][] {{1, -1}})
                .build().fit(x)).hasMessageContaining("'diag precision' should be positive");
    }

    private static double[][] sliceColumns(double[][] rows, int cols) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOf(rows[i], cols);
        }
        return out;
    }

    @Test
    void configurationOutOfRangeIsRejected() {
        assertThatThrownBy(() -> GaussianMixture.builder().components(0)).hasMessageContaining("components = 0");
        assertThatThrownBy(() -> GaussianMixture.builder().tol(-1)).hasMessageContaining("tol = -1.0");
        assertThatThrownBy(() -> GaussianMixture.builder().regCovar(-1e-6)).hasMessageContaining("regCovar = -1.0E-6");
        assertThatThrownBy(() -> GaussianMixture.builder().maxIter(-1)).hasMessageContaining("maxIter = -1");
        assertThatThrownBy(() -> GaussianMixture.builder().nInit(0)).hasMessageContaining("nInit = 0");
        assertThatThrownBy(() -> GaussianMixture.builder().covarianceType("banana"))
                .hasMessageContaining("no covariance model named 'banana'").hasMessageContaining("full");
        assertThatThrownBy(() -> GaussianMixture.builder().initMethod("kmeans--"))
                .hasMessageContaining("no initializer named 'kmeans--'");
    }

    @Test
    void aComponentThatCollapsesFailsWithScikitLearnsAdvice() {
        // three identical points and regCovar 0: the component's covariance is singular
        double[][] rows = new double[20][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i < 10 ? new double[] {1, 1} : new double[] {5 + i, 3 * i};
        }
        assertThatThrownBy(() -> GaussianMixture.builder().components(2).regCovar(0).build().fit(DataMatrix.of(rows)))
                .isInstanceOf(IllDefinedCovarianceException.class)
                .hasMessageContaining("ill-defined empirical covariance").hasMessageContaining("increase reg_covar");
    }

    @Test
    void sampleWeightsMustFitTheData() {
        assertThatThrownBy(() -> GaussianMixture.builder().build().fit(IRIS, new double[3]))
                .hasMessageContaining("sampleWeights has 3 values but the data have 150 rows");
        double[] negative = new double[150];
        negative[4] = -1;
        assertThatThrownBy(() -> GaussianMixture.builder().build().fit(IRIS, negative))
                .hasMessageContaining("sampleWeights[4] = -1.0");
        assertThatThrownBy(() -> GaussianMixture.builder().build().fit(IRIS, new double[150]))
                .hasMessageContaining("sum to 0.0");
    }

    @Test
    void scoringDataOfAnotherWidthIsRejected() {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build().fit(IRIS);
        assertThatThrownBy(() -> model.predict(DataMatrix.of(new double[][] {{1, 2}})))
                .hasMessageContaining("X has 2 features, but this model was fitted on 4 features");
    }
}
