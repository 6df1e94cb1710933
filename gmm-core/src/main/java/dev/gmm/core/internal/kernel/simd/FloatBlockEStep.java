package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.FloatLanes.GROUP_ROWS;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.LANES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.STRIDE;
import static dev.gmm.core.internal.kernel.simd.FloatLanes.TILE;

import dev.gmm.core.DataMatrix;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The E-step of one block of float32 rows in float arithmetic, twice the lanes of {@link BlockEStep}:
 * the block (x − c, computed in double and rounded once) and the float copies of the factors and the
 * bias give y = (x − c)·Uₖ − bₖ and ‖y‖² in float. Only the squared norms are float: they are widened
 * to double before the constant and the −½ are applied, so the log-probabilities that the (double)
 * log-sum-exp, responsibilities and log-likelihood read carry the float error of ‖y‖² alone, not
 * that of a float log wₖ N(x | k) of large magnitude. The register tiles mirror the double ones.
 */
final class FloatBlockEStep {
    private FloatBlockEStep() {
    }

    /** floats.block = rows [from, from+n) − c, rounded to float, transposed; padding rows are zero. */
    static void load(DataMatrix data, int from, int n, int len, VectorWorkspace ws) {
        int d = data.cols();
        // an off-heap block is first copied onto the heap (SegmentBlock), then read from its row 0
        float[] v = data.isOffHeap() ? SegmentBlock.floats(data, from, n) : data.floatValues();
        int first = data.isOffHeap() ? 0 : from;
        double[] c = ws.mixture.centre;
        float[] b = ws.floats().block;
        if (!data.isOffHeap()) { // read in address order first (StreamAhead says why)
            ws.streamToken = StreamAhead.lines(v, first * d, (first + n) * d);
        }
        for (int j = 0; j < d; j++) {
            double cj = c[j];
            int o = j * STRIDE;
            for (int r = 0, i = first * d + j; r < n; r++, i += d) {
                b[o + r] = (float) (v[i] - cj);
            }
            java.util.Arrays.fill(b, o + n, o + len, 0f);
        }
    }

    /** ws.logProb[k·Lanes.STRIDE + r] = log wₖ + log N(xᵣ | k) for every component, rows [0, len). */
    static void logProbabilities(int len, VectorWorkspace ws) {
        PreparedMixture m = ws.mixture;
        m.prepareFloats();
        FloatScratch f = ws.floats();
        if (m.shared && m.components > 1) {
            // tied: one product X·U for all components, then each component's ‖X·U − bₖ‖²
            project(m, len, f.block, f.weighted);
            for (int k = 0; k < m.components; k++) {
                sharedSquares(m, k, len, f.weighted, f.squares);
            }
        } else {
            for (int k = 0; k < m.components; k++) {
                if (m.diagonal) {
                    diagonal(m, k, len, f.block, f.squares);
                } else {
                    triangular(m, k, len, f);
                }
            }
        }
        widen(m, len, f.squares, ws.logProb);
    }

    /** logProb = cₖ − ½·squares, in double, for every component and rows [0, len). */
    private static void widen(PreparedMixture m, int len, float[] squares, double[] logProb) {
        for (int k = 0; k < m.components; k++) {
            double constant = m.constants[k];
            for (int r = 0; r < len; r += Lanes.LANES) {
                ((DoubleVector) FloatVector.fromArray(FloatLanes.HALF, squares, k * STRIDE + r)
                        .convertShape(VectorOperators.F2D, Lanes.SPECIES, 0))
                        .fma(-0.5, constant).intoArray(logProb, k * Lanes.STRIDE + r);
            }
        }
    }

    private static void triangular(PreparedMixture m, int k, int len, FloatScratch f) {
        int fo = k * m.packedSize;
        int bo = k * m.paddedFeatures;
        for (int g = 0; g < len; g += GROUP_ROWS) {
            for (int t = 0; t < m.tiles; t++) {
                productTile(f.block, g, m.floatFactors, fo + m.tileOffset[t], m.rowsOfTile(t), m.floatBias,
                        bo + TILE * t, f.squares, k * STRIDE + g, t == 0);
            }
        }
    }

    /** y = x·U for the shared factor, into {@code y} (feature-major like the block), rows [0, len). */
    private static void project(PreparedMixture m, int len, float[] x, float[] y) {
        for (int g = 0; g < len; g += GROUP_ROWS) {
            for (int t = 0; t < m.tiles; t++) {
                projectTile(x, g, m.floatFactors, m.tileOffset[t], m.rowsOfTile(t), y, TILE * t * STRIDE + g);
            }
        }
    }

    /** squares[k·STRIDE + r] = Σⱼ (y[j][r] − bₖⱼ)², rows [0, len). */
    private static void sharedSquares(PreparedMixture m, int k, int len, float[] y, float[] squares) {
        int bo = k * m.paddedFeatures;
        for (int r = 0; r < len; r += LANES) {
            FloatVector q = FloatVector.zero(SPECIES);
            for (int j = 0; j < m.features; j++) {
                FloatVector v = FloatVector.fromArray(SPECIES, y, j * STRIDE + r).sub(m.floatBias[bo + j]);
                q = v.fma(v, q);
            }
            q.intoArray(squares, k * STRIDE + r);
        }
    }

    /** squares[k·STRIDE + r] = Σⱼ ((x[j][r])·uⱼ − bₖⱼ)² for a diagonal factor, rows [0, len). */
    private static void diagonal(PreparedMixture m, int k, int len, float[] x, float[] squares) {
        int fo = k * m.packedSize;
        int bo = k * m.paddedFeatures;
        for (int g = 0; g < len; g += GROUP_ROWS) {
            FloatVector q0 = FloatVector.zero(SPECIES);
            FloatVector q1 = q0;
            FloatVector q2 = q0;
            FloatVector q3 = q0;
            for (int j = 0; j < m.features; j++) {
                FloatVector u = FloatVector.broadcast(SPECIES, m.floatFactors[fo + j]);
                FloatVector minusBias = FloatVector.broadcast(SPECIES, -m.floatBias[bo + j]);
                int xo = j * STRIDE + g;
                FloatVector y0 = FloatVector.fromArray(SPECIES, x, xo).fma(u, minusBias);
                FloatVector y1 = FloatVector.fromArray(SPECIES, x, xo + LANES).fma(u, minusBias);
                FloatVector y2 = FloatVector.fromArray(SPECIES, x, xo + 2 * LANES).fma(u, minusBias);
                FloatVector y3 = FloatVector.fromArray(SPECIES, x, xo + 3 * LANES).fma(u, minusBias);
                q0 = y0.fma(y0, q0);
                q1 = y1.fma(y1, q1);
                q2 = y2.fma(y2, q2);
                q3 = y3.fma(y3, q3);
            }
            int o = k * STRIDE + g;
            q0.intoArray(squares, o);
            q1.intoArray(squares, o + LANES);
            q2.intoArray(squares, o + 2 * LANES);
            q3.intoArray(squares, o + 3 * LANES);
        }
    }

    /**
     * The float register tile of x·U alone (see {@code BlockEStep.projectTile}). Kept apart so C2
     * keeps the 16 accumulators in registers.
     */
    private static void projectTile(float[] x, int g, float[] u, int uo, int rows, float[] out, int o) {
        FloatVector a00 = FloatVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int i = 0; i < rows; i++, uo += TILE) {
            int xo = i * STRIDE + g;
            FloatVector x0 = FloatVector.fromArray(SPECIES, x, xo);
            FloatVector x1 = FloatVector.fromArray(SPECIES, x, xo + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, x, xo + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(SPECIES, x, xo + 3 * LANES);
            FloatVector u0 = FloatVector.broadcast(SPECIES, u[uo]);
            FloatVector u1 = FloatVector.broadcast(SPECIES, u[uo + 1]);
            FloatVector u2 = FloatVector.broadcast(SPECIES, u[uo + 2]);
            FloatVector u3 = FloatVector.broadcast(SPECIES, u[uo + 3]);
            a00 = x0.fma(u0, a00);
            a01 = x0.fma(u1, a01);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a10 = x1.fma(u0, a10);
            a11 = x1.fma(u1, a11);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a20 = x2.fma(u0, a20);
            a21 = x2.fma(u1, a21);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a30 = x3.fma(u0, a30);
            a31 = x3.fma(u1, a31);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
        }
        a00.intoArray(out, o);
        a10.intoArray(out, o + LANES);
        a20.intoArray(out, o + 2 * LANES);
        a30.intoArray(out, o + 3 * LANES);
        a01.intoArray(out, o + STRIDE);
        a11.intoArray(out, o + STRIDE + LANES);
        a21.intoArray(out, o + STRIDE + 2 * LANES);
        a31.intoArray(out, o + STRIDE + 3 * LANES);
        a02.intoArray(out, o + 2 * STRIDE);
        a12.intoArray(out, o + 2 * STRIDE + LANES);
        a22.intoArray(out, o + 2 * STRIDE + 2 * LANES);
        a32.intoArray(out, o + 2 * STRIDE + 3 * LANES);
        a03.intoArray(out, o + 3 * STRIDE);
        a13.intoArray(out, o + 3 * STRIDE + LANES);
        a23.intoArray(out, o + 3 * STRIDE + 2 * LANES);
        a33.intoArray(out, o + 3 * STRIDE + 3 * LANES);
    }

    /**
     * The float register tile of y = x·U − b (see {@code BlockEStep.productTile}): 16 accumulators
     * that start at −b, run over the packed factor rows and end squared into squares[so …] (which the
     * first tile of a row group overwrites). Kept apart so C2 keeps the accumulators in registers.
     */
    private static void productTile(float[] x, int g, float[] u, int uo, int rows, float[] bias, int bo,
                                    float[] squares, int so, boolean first) {
        FloatVector a00 = FloatVector.broadcast(SPECIES, -bias[bo]);
        FloatVector a01 = FloatVector.broadcast(SPECIES, -bias[bo + 1]);
        FloatVector a02 = FloatVector.broadcast(SPECIES, -bias[bo + 2]);
        FloatVector a03 = FloatVector.broadcast(SPECIES, -bias[bo + 3]);
        FloatVector a10 = a00, a11 = a01, a12 = a02, a13 = a03;
        FloatVector a20 = a00, a21 = a01, a22 = a02, a23 = a03;
        FloatVector a30 = a00, a31 = a01, a32 = a02, a33 = a03;
        for (int i = 0; i < rows; i++, uo += TILE) {
            int xo = i * STRIDE + g;
            FloatVector x0 = FloatVector.fromArray(SPECIES, x, xo);
            FloatVector x1 = FloatVector.fromArray(SPECIES, x, xo + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, x, xo + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(SPECIES, x, xo + 3 * LANES);
            FloatVector u0 = FloatVector.broadcast(SPECIES, u[uo]);
            FloatVector u1 = FloatVector.broadcast(SPECIES, u[uo + 1]);
            FloatVector u2 = FloatVector.broadcast(SPECIES, u[uo + 2]);
            FloatVector u3 = FloatVector.broadcast(SPECIES, u[uo + 3]);
            a00 = x0.fma(u0, a00);
            a01 = x0.fma(u1, a01);
            a02 = x0.fma(u2, a02);
            a03 = x0.fma(u3, a03);
            a10 = x1.fma(u0, a10);
            a11 = x1.fma(u1, a11);
            a12 = x1.fma(u2, a12);
            a13 = x1.fma(u3, a13);
            a20 = x2.fma(u0, a20);
            a21 = x2.fma(u1, a21);
            a22 = x2.fma(u2, a22);
            a23 = x2.fma(u3, a23);
            a30 = x3.fma(u0, a30);
            a31 = x3.fma(u1, a31);
            a32 = x3.fma(u2, a32);
            a33 = x3.fma(u3, a33);
        }
        // as in BlockEStep.productTile: written out, since a helper taking vectors is boxed when not inlined
        FloatVector q0 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, squares, so);
        FloatVector q1 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, squares, so + LANES);
        FloatVector q2 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, squares, so + 2 * LANES);
        FloatVector q3 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, squares, so + 3 * LANES);
        a03.fma(a03, a02.fma(a02, a01.fma(a01, a00.fma(a00, q0)))).intoArray(squares, so);
        a13.fma(a13, a12.fma(a12, a11.fma(a11, a10.fma(a10, q1)))).intoArray(squares, so + LANES);
        a23.fma(a23, a22.fma(a22, a21.fma(a21, a20.fma(a20, q2)))).intoArray(squares, so + 2 * LANES);
        a33.fma(a33, a32.fma(a32, a31.fma(a31, a30.fma(a30, q3)))).intoArray(squares, so + 3 * LANES);
    }
}
