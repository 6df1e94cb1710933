package dev.gmm.core.internal.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.CovarianceParameters;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.internal.StatisticsAccumulator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIMD kernel runs float32 data in its float32 mode (float vectors of twice the lanes), not by
 * widening them to double: the workspace then holds float buffers, which a float64 fit never
 * allocates, and the statistics differ from those of the same values stored as float64 by float
 * rounding — not zero, and not more, even for diagonal variances of components far from the centre.
 */
class FloatModeTest {
    /** Kernels read only the factors: the reported covariances and Cholesky factors are left empty. */
    private static final dev.gmm.core.ShapedArray NO_VALUES = new dev.gmm.core.ShapedArray(new int[] {0}, new double[0]);
    private static final int ROWS = 1_000;
    private static final int FEATURES = 6;
    private static final int COMPONENTS = 3;

    @ParameterizedTest
    @EnumSource(ScatterKind.class)
    void float32DataRunTheFloatModeAndFloat64DataDoNot(ScatterKind kind) {
        DataMatrix x32 = data();
        DataMatrix x64 = x32.toFloat64();
        MixtureState state = state(kind == ScatterKind.DIAGONAL ? PrecisionForm.DIAGONAL : PrecisionForm.UPPER_TRIANGULAR);
        VectorKernel kernel = new VectorKernel();
        VectorWorkspace ws32 = (VectorWorkspace) kernel.newWorkspace(COMPONENTS, FEATURES);
        VectorWorkspace ws64 = (VectorWorkspace) kernel.newWorkspace(COMPONENTS, FEATURES);
        StatisticsAccumulator s32 = statistics(state, kind);
        StatisticsAccumulator s64 = statistics(state, kind);
        double ll32 = kernel.accumulate(x32, null, 0, ROWS, state, kind, s32, ws32);
        double ll64 = kernel.accumulate(x64, null, 0, ROWS, state, kind, s64, ws64);

        assertThat(ws32.ranFloat32Mode()).as("float32 data").isTrue();
        assertThat(ws64.ranFloat32Mode()).as("float64 data").isFalse();
        assertThat(ll32).as("computed in float, not widened").isNotEqualTo(ll64);
        // measured: log-likelihood 7.0e-9 relative, scatter 2.2e-8 of its largest entry; about 3x room
        assertThat(Math.abs(ll32 - ll64)).isLessThanOrEqualTo(2e-8 * Math.abs(ll64));
        assertThat(maxRelativeDifference(s32.rawScatter(), s64.rawScatter())).isLessThanOrEqualTo(7e-8);
    }

    @Test
    void diagonalVariancesStayAccurateForComponentsManyDeviationsFromTheCentre() {
        // two tight components 60 standard deviations apart: each lies 30 σ from the centre c
        int n = 4_000;
        float[] f = new float[n * FEATURES];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) ((i / FEATURES % 2 == 0 ? -30 : 30) + r.nextGaussian());
        }
        DataMatrix x32 = DataMatrix.wrapFloat(f, n, FEATURES);
        double[][] factors = {new double[FEATURES], new double[FEATURES]};
        java.util.Arrays.fill(factors[0], 1.0);
        java.util.Arrays.fill(factors[1], 1.0);
        double[] means = new double[2 * FEATURES];
        java.util.Arrays.fill(means, 0, FEATURES, -30);
        java.util.Arrays.fill(means, FEATURES, 2 * FEATURES, 30);
        MixtureState state = new MixtureState(new double[] {0.5, 0.5}, means,
                CovarianceParameters.of(PrecisionForm.DIAGONAL, FEATURES, factors, NO_VALUES, NO_VALUES));
        VectorKernel kernel = new VectorKernel();
        StatisticsAccumulator s32 = statistics(state, ScatterKind.DIAGONAL);
        StatisticsAccumulator s64 = statistics(state, ScatterKind.DIAGONAL);
        kernel.accumulate(x32, null, 0, n, state, ScatterKind.DIAGONAL, s32, kernel.newWorkspace(2, FEATURES));
        kernel.accumulate(x32.toFloat64(), null, 0, n, state, ScatterKind.DIAGONAL, s64,
                kernel.newWorkspace(2, FEATURES));
        // measured 1.5e-8 relative (about 3x room); moments taken around c and recentred on μ afterwards
        // would multiply the float rounding by about (30 σ / σ)² = 900
        assertThat(maxRelativeDifference(s32.rawScatter(), s64.rawScatter())).isLessThanOrEqualTo(5e-8);
    }

    private static DataMatrix data() {
        SplittableRandom r = new SplittableRandom(42);
        float[] f = new float[ROWS * FEATURES];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (10 + r.nextGaussian() + (i / FEATURES % COMPONENTS) * 3);
        }
        return DataMatrix.wrapFloat(f, ROWS, FEATURES);
    }

    private static MixtureState state(PrecisionForm form) {
        double[] weights = new double[COMPONENTS];
        double[] means = new double[COMPONENTS * FEATURES];
        double[][] factors = new double[COMPONENTS][];
        for (int k = 0; k < COMPONENTS; k++) {
            weights[k] = 1.0 / COMPONENTS;
            for (int j = 0; j < FEATURES; j++) {
                means[k * FEATURES + j] = 10 + 3 * k;
            }
            if (form == PrecisionForm.DIAGONAL) {
                factors[k] = new double[FEATURES];
                java.util.Arrays.fill(factors[k], 0.8);
            } else {
                factors[k] = new double[FEATURES * FEATURES];
                for (int a = 0; a < FEATURES; a++) {
                    factors[k][a * FEATURES + a] = 0.8;
                    for (int b = a + 1; b < FEATURES; b++) {
                        factors[k][a * FEATURES + b] = 0.05;
                    }
                }
            }
        }
        var parameters = CovarianceParameters.of(form, FEATURES, factors, NO_VALUES, NO_VALUES);
        return new MixtureState(weights, means, parameters);
    }

    private static StatisticsAccumulator statistics(MixtureState state, ScatterKind kind) {
        StatisticsAccumulator s = new StatisticsAccumulator(state.components, state.features, kind);
        System.arraycopy(state.means, 0, s.rawShifts(), 0, state.means.length);
        return s;
    }

    private static double maxRelativeDifference(double[] a, double[] b) {
        double scale = 1;
        double worst = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst / scale;
    }
}
