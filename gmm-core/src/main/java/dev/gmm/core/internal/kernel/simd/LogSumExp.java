package dev.gmm.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-row log-sum-exp of a block's log-probabilities, with exp(x) on whole vectors in plain
 * arithmetic so that it gives the same bits on every machine (the Vector API's own EXP may call a
 * platform library). The exp is written out inside the loop rather than in a method of its own: a
 * vector passed to or returned from a call that C2 does not inline is boxed, and whether C2 inlines
 * depends on what the JVM compiled before.
 *
 * <p>The exp is only ever given x − max ≤ 0. It is within 1 ulp of {@link Math#exp} over [−708, 0]
 * (VectorExpTest); below −708 it returns 0 — values that small vanish next to the largest term of a
 * log-sum-exp, which is 1 — and exp(−∞) = 0.
 *
 * <p>Method: n = round(x / ln 2), r = x − n·ln 2 with |r| ≤ ½ ln 2 (ln 2 split in two parts so that
 * the reduction is exact to double precision), e^r by its Taylor polynomial of degree 13
 * (truncation error below 10⁻¹⁷), and 2ⁿ built directly in the exponent bits.
 */
final class LogSumExp {
    private static final VectorSpecies<Double> SPECIES = Lanes.SPECIES;
    private static final double UNDERFLOW = -708.0;
    /** 1.5·2⁵² + 1023: adding it rounds x/ln 2 to an integer and leaves n + 1023 in the low bits. */
    private static final double SHIFT = 0x1.8p52 + 1023;
    private static final DoubleVector LOG2E = DoubleVector.broadcast(SPECIES, 1.4426950408889634);
    private static final DoubleVector SHIFTER = DoubleVector.broadcast(SPECIES, SHIFT);
    private static final DoubleVector MINUS_LN2_HI = DoubleVector.broadcast(SPECIES, -0x1.62e42fefa39efp-1);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(SPECIES, 0x1.abc9e3b39803fp-56);
    private static final DoubleVector LOWEST = DoubleVector.broadcast(SPECIES, UNDERFLOW);
    private static final DoubleVector[] TAYLOR = new DoubleVector[14];

    static {
        double factorial = 1;
        for (int i = 0; i < TAYLOR.length; i++) {
            factorial *= Math.max(1, i);
            TAYLOR[i] = DoubleVector.broadcast(SPECIES, 1 / factorial);
        }
    }

    private static final DoubleVector C0 = TAYLOR[0], C1 = TAYLOR[1], C2 = TAYLOR[2], C3 = TAYLOR[3],
            C4 = TAYLOR[4], C5 = TAYLOR[5], C6 = TAYLOR[6], C7 = TAYLOR[7], C8 = TAYLOR[8], C9 = TAYLOR[9],
            C10 = TAYLOR[10], C11 = TAYLOR[11], C12 = TAYLOR[12], C13 = TAYLOR[13];

    private LogSumExp() {
    }

    /**
     * Per row, lse = max + log Σₖ exp(log pₖ − max) into ws.lse (−∞ when every component is −∞). With
     * {@code keepExponentials}, ws.logProb is overwritten by exp(log pₖ − max) and ws.rowSum keeps
     * the sums, from which the M-step takes its responsibilities without a second exp.
     */
    static void rows(int kk, int len, boolean keepExponentials, VectorWorkspace ws) {
        rows(ws.everyComponent, kk, 0, len, keepExponentials, ws);
    }

    /**
     * As {@link #rows(int, int, boolean, VectorWorkspace)} for rows [from, to) over the {@code count}
     * components listed in {@code components} (in that order): the others count as −∞, and their
     * entries are left as they are.
     */
    static void rows(int[] components, int count, int from, int to, boolean keepExponentials, VectorWorkspace ws) {
        double[] lp = ws.logProb;
        int stride = Lanes.STRIDE;
        for (int r = from; r < to; r += Lanes.LANES) {
            DoubleVector max = DoubleVector.fromArray(SPECIES, lp, components[0] * stride + r);
            for (int i = 1; i < count; i++) {
                max = max.max(DoubleVector.fromArray(SPECIES, lp, components[i] * stride + r));
            }
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int i = 0; i < count; i++) {
                int k = components[i];
                DoubleVector x = DoubleVector.fromArray(SPECIES, lp, k * stride + r).sub(max);
                // e = exp(x), see the class comment
                DoubleVector clamped = x.max(LOWEST);
                DoubleVector t = clamped.fma(LOG2E, SHIFTER);
                DoubleVector n = t.sub(SHIFTER);
                DoubleVector reduced = n.fma(MINUS_LN2_HI, clamped).sub(n.mul(LN2_LO));
                DoubleVector p = C13.fma(reduced, C12).fma(reduced, C11).fma(reduced, C10).fma(reduced, C9)
                        .fma(reduced, C8).fma(reduced, C7).fma(reduced, C6).fma(reduced, C5).fma(reduced, C4)
                        .fma(reduced, C3).fma(reduced, C2).fma(reduced, C1).fma(reduced, C0);
                DoubleVector twoToN = ((LongVector) t.viewAsIntegralLanes()).lanewise(VectorOperators.LSHL, 52)
                        .viewAsFloatingLanes();
                DoubleVector e = p.mul(twoToN).blend(0.0, x.compare(VectorOperators.LT, UNDERFLOW));
                if (keepExponentials) {
                    e.intoArray(lp, k * stride + r);
                }
                sum = sum.add(e);
            }
            sum.intoArray(ws.rowSum, r);
            // the sum lies in [1, K]: the Vector API's log is within an ulp or so of Math.log there
            max.add(sum.lanewise(VectorOperators.LOG))
                    .blend(Double.NEGATIVE_INFINITY, max.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY))
                    .intoArray(ws.lse, r);
        }
    }
}
