package dev.gmm.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp(x) on whole vectors, in plain arithmetic so that it gives the same bits on every machine (the
 * Vector API's own EXP may call a platform library). Within 1 ulp of {@link Math#exp} over
 * [−708, 709]; below −708 it returns 0 — values that small vanish next to the largest term of a
 * log-sum-exp, which is 1 — and exp(−∞) = 0.
 *
 * <p>Method: n = round(x / ln 2), r = x − n·ln 2 with |r| ≤ ½ ln 2 (ln 2 split in two parts so that
 * the reduction is exact to double precision), e^r by its Taylor polynomial of degree 13
 * (truncation error below 10⁻¹⁷), and 2ⁿ built directly in the exponent bits.
 */
final class VectorExp {
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

    private VectorExp() {
    }

    static DoubleVector exp(DoubleVector x) {
        DoubleVector clamped = x.max(LOWEST);
        DoubleVector t = clamped.fma(LOG2E, SHIFTER);
        DoubleVector n = t.sub(SHIFTER);
        DoubleVector r = n.fma(MINUS_LN2_HI, clamped).sub(n.mul(LN2_LO));
        DoubleVector p = C13.fma(r, C12).fma(r, C11).fma(r, C10).fma(r, C9).fma(r, C8).fma(r, C7).fma(r, C6)
                .fma(r, C5).fma(r, C4).fma(r, C3).fma(r, C2).fma(r, C1).fma(r, C0);
        DoubleVector twoToN = ((LongVector) t.viewAsIntegralLanes()).lanewise(VectorOperators.LSHL, 52)
                .viewAsFloatingLanes();
        return p.mul(twoToN).blend(0.0, x.compare(VectorOperators.LT, UNDERFLOW));
    }
}
