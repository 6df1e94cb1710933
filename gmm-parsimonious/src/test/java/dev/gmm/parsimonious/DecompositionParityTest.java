package dev.gmm.parsimonious;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.CovarianceDecomposition;
import dev.gmm.testsupport.Json;
import dev.gmm.testsupport.MclustFixtures;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decomposition a model of the family gives (Σₖ = λₖ·Dₖ·Aₖ·Dₖᵀ, what model files carry) is mclust's
 * {@code scale}, {@code shape} and {@code orientation}, for every fixture's 10-iteration run where mclust
 * reports them (it reports none for EEE and VVV, no shape or orientation for EII and VII, no orientation
 * for the axis-aligned models: there ours must be the identity). mclust's parts come compact (one value
 * for an Equal part, D × K for a variable shape, D × D × K for variable orientations); an orientation's
 * columns are unique only up to sign, and for a common orientation up to order, so columns are matched by
 * direction first.
 */
class DecompositionParityTest {
    private static final int TEN_ITERATIONS = 2;
    private static final double TOLERANCE = 1e-6;

    static Stream<String> fixtures() {
        return MclustFixtures.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void scale_shape_and_orientation_are_mclusts(String fixture) {
        MclustFixtures.Run run = MclustFixtures.run(fixture, TEN_ITERATIONS);
        DataMatrix x = DataMatrix.of(run.data());
        GaussianMixtureModel fitted = GaussianMixture.builder().components(run.components())
                .covarianceType(run.model()).regCovar(0).tol(0).maxIter(run.itmax() - 1).build()
                .fitFromResponsibilities(x, null, run.z0());
        CovarianceDecomposition ours = Plugins.covarianceModel(run.model()).decomposition(fitted.parameters())
                .orElseThrow();
        int k = run.components();
        int d = x.cols();
        Object scale = run.decomposition().get("scale");
        Object shape = run.decomposition().get("shape");
        Object orientation = run.decomposition().get("orientation");
        boolean axisAligned = run.model().endsWith("I");

        for (int c = 0; c < k; c++) {
            String where = fixture + " component " + c;
            if (!(scale instanceof List<?> none && none.isEmpty())) {
                double expected = scale instanceof Number n ? n.doubleValue() : Json.flat(scale)[c];
                MclustFixtures.requireClose(expected, ours.scale(c), TOLERANCE, where + " scale");
            }
            double[] expectedOrientation = axisAligned ? identity(d) : orientation == null ? null
                    : compactOrientation(orientation, c, k, d);
            int[] columns = expectedOrientation == null ? identityPermutation(d)
                    : matchColumns(expectedOrientation, ours.orientation(c), d, where);
            if (expectedOrientation != null) {
                for (int j = 0; j < d; j++) {
                    double[] mine = column(ours.orientation(c), columns[j], d);
                    double[] theirs = column(expectedOrientation, j, d);
                    double sign = Math.signum(dot(mine, theirs));
                    for (int i = 0; i < d; i++) {
                        assertThat(sign * mine[i]).as(where + " orientation[%d][%d]", i, j)
                                .isCloseTo(theirs[i], org.assertj.core.data.Offset.offset(TOLERANCE));
                    }
                }
            }
            if (shape != null) {
                double[] expected = compactShape(shape, c, d);
                double[] mine = ours.shape(c);
                for (int j = 0; j < d; j++) {
                    MclustFixtures.requireClose(expected[j], mine[columns[j]], TOLERANCE, where + " shape[" + j + "]");
                }
            }
        }
    }

    /** mclust's shape: D values (Equal) or D × K (Variable). */
    private static double[] compactShape(Object shape, int c, int d) {
        double[] flat = Json.flat(shape);
        if (flat.length == d) {
            return flat;
        }
        int k = flat.length / d;
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = flat[j * k + c];
        }
        return out;
    }

    /** mclust's orientation: D × D (Equal) or D × D × K (Variable), as row-major D·D. */
    private static double[] compactOrientation(Object orientation, int c, int k, int d) {
        double[] flat = Json.flat(orientation);
        if (flat.length == d * d) {
            return flat;
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d * d; i++) {
            out[i] = flat[i * k + c];
        }
        return out;
    }

    /** For each of mclust's columns, ours that points the same way (up to sign). */
    private static int[] matchColumns(double[] expected, double[] ours, int d, String where) {
        int[] match = new int[d];
        for (int j = 0; j < d; j++) {
            double best = -1;
            for (int m = 0; m < d; m++) {
                double alignment = Math.abs(dot(column(expected, j, d), column(ours, m, d)));
                if (alignment > best) {
                    best = alignment;
                    match[j] = m;
                }
            }
            assertThat(best).as(where + " direction " + j + " is one of ours").isGreaterThan(1 - TOLERANCE);
        }
        assertThat(java.util.Arrays.stream(match).distinct().count()).as(where + " directions matched once")
                .isEqualTo(d);
        return match;
    }

    private static double[] column(double[] m, int j, int d) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = m[i * d + j];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] identity(int d) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            out[i * d + i] = 1;
        }
        return out;
    }

    private static int[] identityPermutation(int d) {
        return java.util.stream.IntStream.range(0, d).toArray();
    }
}
