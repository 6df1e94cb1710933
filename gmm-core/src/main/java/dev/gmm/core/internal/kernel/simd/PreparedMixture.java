package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.TILE;

import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.PrecisionForm;

/**
 * A {@link MixtureState} in the layout the tiles read, rebuilt in place (no allocation) when the
 * state changes. Data are processed relative to a centre c — the mean of the component means — so
 * that y = (x − c)·U − (μ − c)·U does not lose digits when the data sit far from the origin; with
 * that, the E-step is one product of the data block with each factor (a small GEMM) minus a bias.
 *
 * <p>Upper-triangular factors are packed tile by tile: for the columns [4t, 4t+4) the rows
 * 0 … min(4t+3, D−1), four values per row, with zeros below the diagonal and beyond D, so the tile
 * loop needs no bounds tests.
 *
 * <p>The float32 mode reads float copies of the factors and the bias, rounded from the double ones
 * (the bias is computed in double first, so it carries only its own rounding); the centre, the
 * shifted means and the constants stay double.
 */
final class PreparedMixture {
    final int components;
    final int features;
    final int paddedFeatures;
    final int tiles;
    final int packedSize;
    /** Start of tile t inside one component's packed factor. */
    final int[] tileOffset;
    final double[] centre;
    /** The origin, for loading data as they are. */
    final double[] zeroCentre;
    /** (μₖ − c), K × paddedFeatures, zero padded. */
    final double[] shiftedMeans;
    /**
     * (sₖ − c) for the statistics' shifts sₖ — the means, or other points in a recentring pass — set by
     * {@link #prepareShifts} for each pass; K rounded up to a multiple of 4 × paddedFeatures, zero
     * padded (the diagonal tiles read 4 components).
     */
    final double[] momentShifts;
    /** {@link #momentShifts} rounded to float, for the float32 mode's diagonal tiles. */
    float[] floatMomentShifts;
    /** Per component: packed upper factor (packedSize values) or the diagonal (paddedFeatures). */
    final double[] factors;
    /** (μₖ − c)·Uₖ, K × paddedFeatures. */
    final double[] bias;
    final double[] constants;
    /**
     * {@link #factors} and {@link #bias} rounded to float, for the float32 mode; allocated by the first
     * {@link #prepareFloats} (a float64 fit never holds them), refreshed when the state changes.
     */
    float[] floatFactors;
    float[] floatBias;
    private MixtureState floatsPreparedFor;
    boolean diagonal;
    /** Whether every component has the same factor (tied): the E-step then projects the block once. */
    boolean shared;
    private MixtureState preparedFor;

    PreparedMixture(int components, int features) {
        this.components = components;
        this.features = features;
        this.paddedFeatures = Lanes.paddedFeatures(features);
        this.tiles = paddedFeatures / TILE;
        this.tileOffset = new int[tiles + 1];
        for (int t = 0; t < tiles; t++) {
            tileOffset[t + 1] = tileOffset[t] + rowsOfTile(t) * TILE;
        }
        this.packedSize = Math.max(tileOffset[tiles], paddedFeatures);
        this.centre = new double[features];
        this.zeroCentre = new double[features];
        this.shiftedMeans = new double[components * paddedFeatures];
        this.momentShifts = new double[(components + 3) / 4 * 4 * paddedFeatures];
        this.factors = new double[components * packedSize];
        this.bias = new double[components * paddedFeatures];
        this.constants = new double[components];
    }

    /** Rows of the packed tile t: the factor is zero below the diagonal. */
    int rowsOfTile(int t) {
        return Math.min(TILE * t + TILE, features);
    }

    /** Makes this the packed form of {@code s} unless it already is. */
    void prepare(MixtureState s) {
        if (s == preparedFor) {
            return;
        }
        if (s.components != components || s.features != features) {
            throw new IllegalArgumentException("a workspace for " + components + " components and " + features
                    + " features cannot evaluate a mixture of " + s.components + " and " + s.features);
        }
        int d = features;
        int dp = paddedFeatures;
        diagonal = s.form == PrecisionForm.DIAGONAL;
        shared = s.sharedFactor;
        java.util.Arrays.fill(centre, 0);
        for (int k = 0; k < components; k++) {
            for (int j = 0; j < d; j++) {
                centre[j] += s.means[k * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            centre[j] /= components;
        }
        java.util.Arrays.fill(shiftedMeans, 0);
        java.util.Arrays.fill(factors, 0);
        java.util.Arrays.fill(bias, 0);
        for (int k = 0; k < components; k++) {
            constants[k] = s.constants[k];
            for (int j = 0; j < d; j++) {
                shiftedMeans[k * dp + j] = s.means[k * d + j] - centre[j];
            }
            double[] u = s.factors[k];
            int fo = k * packedSize;
            if (diagonal) {
                for (int j = 0; j < d; j++) {
                    factors[fo + j] = u[j];
                    bias[k * dp + j] = shiftedMeans[k * dp + j] * u[j];
                }
                continue;
            }
            for (int t = 0; t < tiles; t++) {
                int to = fo + tileOffset[t];
                for (int i = 0; i < rowsOfTile(t); i++) {
                    for (int c = 0; c < TILE; c++) {
                        int j = TILE * t + c;
                        factors[to + i * TILE + c] = j < d && i <= j ? u[i * d + j] : 0.0;
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                double b = 0;
                for (int i = 0; i <= j; i++) {
                    b += shiftedMeans[k * dp + i] * u[i * d + j];
                }
                bias[k * dp + j] = b;
            }
        }
        preparedFor = s;
    }

    /**
     * After {@link #prepare}: the points the statistics of this pass are taken around, relative to c
     * (for the shifts equal to the means, exactly {@link #shiftedMeans}), in double and, for the
     * float32 mode, in float.
     */
    void prepareShifts(double[] shifts, boolean float32) {
        int d = features;
        int dp = paddedFeatures;
        for (int k = 0; k < components; k++) {
            for (int j = 0; j < d; j++) {
                momentShifts[k * dp + j] = shifts[k * d + j] - centre[j];
            }
        }
        if (float32) {
            if (floatMomentShifts == null) {
                floatMomentShifts = new float[momentShifts.length];
            }
            for (int i = 0; i < momentShifts.length; i++) {
                floatMomentShifts[i] = (float) momentShifts[i];
            }
        }
    }

    /** After {@link #prepare}: makes the float fields float copies of their double counterparts. */
    void prepareFloats() {
        if (floatFactors == null) {
            floatFactors = new float[factors.length];
            floatBias = new float[bias.length];
        }
        if (floatsPreparedFor == preparedFor) {
            return;
        }
        for (int i = 0; i < factors.length; i++) {
            floatFactors[i] = (float) factors[i];
        }
        for (int i = 0; i < bias.length; i++) {
            floatBias[i] = (float) bias[i];
        }
        floatsPreparedFor = preparedFor;
    }
}
