package dev.gmm.core.internal.special;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * log Γ, ψ and log B against values from mpmath 1.3 at 50 digits (rounded to 20), within 1e-14
 * relative: across the branches of each function (below ½, around 1 and 2, the downward recurrence,
 * Stirling from 10 up, reflection for negative arguments) and where a naive formula loses digits
 * (betaln(10⁶, ½), betaln(10⁶, 10⁶)).
 */
class SpecialFunctionsTest {
    private static final double RELATIVE = 1e-14;

    private static final double[][] LGAMMA = {
            {1e-300, 690.77552789821370521}, {1e-8, 18.420680738180208905}, {0.001, 6.9071788853838536825},
            {0.1, 2.2527126517342059599}, {0.25, 1.2880225246980774574}, {0.5, 0.57236494292470008707},
            {0.75, 0.20328095143129537148}, {0.9, 0.066376239734742971189}, {1.1, -0.049872441259839724148},
            {1.25, -0.098271836421813161464}, {1.75, -0.084401121020485555958}, {2.25, 0.1248717148923965943},
            {2.5, 0.28468287047291915963}, {3, 0.69314718055994530942}, {3.7, 1.4280723266653879219},
            {5.5, 3.9578139676187162939}, {9.99, 12.77931521435019288}, {10, 12.801827480081469611},
            {10.5, 13.940625219403763633}, {33.3, 82.603723581654952928}, {100, 359.13420536957539878},
            {1234.5, 7550.5509010778948957}, {1e6, 12815504.56914761166}, {1e12, 26631021115915.651636},
            {-0.5, 1.2655121234846453965}, {-2.5, -0.056243716497674050673}, {-7.3, -7.7791016298268524418},
    };

    private static final double[][] DIGAMMA = {
            {1e-8, -100000000.57721564845}, {0.001, -1000.5755719318103005}, {0.1, -10.423754940411076795},
            {0.25, -4.2274535333762654081}, {0.5, -1.9635100260214234794}, {0.75, -1.0858608797864721696},
            {0.9, -0.75492694994705139189}, {1.1, -0.42375494041107679517}, {1.25, -0.22745353337626540809},
            {1.75, 0.24747245354686116371}, {2.25, 0.57254646662373459191}, {2.5, 0.70315664064524318723},
            {3, 0.92278433509846713939}, {3.7, 1.1671535393615113859}, {5.5, 1.6110931485817511237},
            {9.99, 2.2507003728312010995}, {10, 2.2517525890667211076}, {10.5, 2.3030010342976863753},
            {33.3, 3.4904672385202428639}, {100, 4.6001618527380874002}, {1234.5, 7.1180162318279978433},
            {1e6, 13.815510057964190771}, {1e12, 27.631021115928048208}, {-0.5, 0.036489973978576520559},
            {-2.5, 1.1031566406452431872}, {-7.3, 4.3373073055100474863},
    };

    private static final double[][] BETALN = {
            {0.001, 1, 6.9077552789821370521}, {0.5, 0.5, 1.1447298858494001741}, {1, 1e-3, 6.9077552789821370521},
            {2.5, 3.5, -3.3018352699620526098}, {9.5, 0.2, 1.0823125324388723797}, {10, 10, -13.736229227036554814},
            {12.5, 3, -7.1094197986192226129}, {1e6, 0.5, -6.335390211057436965},
            {1e6, 1e6, -1386300.0033629211163}, {150.2, 0.01, 4.5493931925424384496},
            {400.5, 300.25, -480.18057457019301182}, {3, 4, -4.0943445622221006848},
    };

    @Test
    void lgamma_matches_mpmath_to_1e_14() {
        for (double[] c : LGAMMA) {
            assertClose("lgamma(" + c[0] + ")", SpecialFunctions.lgamma(c[0]), c[1]);
        }
    }

    @Test
    void digamma_matches_mpmath_to_1e_14() {
        for (double[] c : DIGAMMA) {
            assertClose("digamma(" + c[0] + ")", SpecialFunctions.digamma(c[0]), c[1]);
        }
    }

    @Test
    void betaln_matches_mpmath_to_1e_14_even_where_the_naive_difference_cancels() {
        for (double[] c : BETALN) {
            assertClose("betaln(" + c[0] + ", " + c[1] + ")", SpecialFunctions.betaln(c[0], c[1]), c[2]);
            assertClose("betaln(" + c[1] + ", " + c[0] + ")", SpecialFunctions.betaln(c[1], c[0]), c[2]);
        }
    }

    @Test
    void exact_values_and_identities() {
        assertThat(SpecialFunctions.lgamma(1)).isEqualTo(0);
        assertThat(SpecialFunctions.lgamma(2)).isEqualTo(0);
        assertThat(SpecialFunctions.betaln(1, 1)).isEqualTo(0);
        assertClose("digamma(1)", SpecialFunctions.digamma(1), -SpecialFunctions.EULER_GAMMA);
        for (int n = 3; n <= 30; n++) {
            double factorial = 1;
            for (int i = 2; i < n; i++) {
                factorial *= i;
            }
            assertClose("lgamma(" + n + ")", SpecialFunctions.lgamma(n), Math.log(factorial));
        }
        // ψ(x + 1) = ψ(x) + 1/x across the branch boundaries
        for (double x : new double[] {0.4999, 0.5, 1.4999, 1.5, 2.4999, 9.5, 9.9999, 10, 57.25}) {
            assertClose("digamma recurrence at " + x, SpecialFunctions.digamma(x + 1), SpecialFunctions.digamma(x) + 1 / x);
        }
    }

    @Test
    void poles_and_nan() {
        assertThat(SpecialFunctions.lgamma(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.lgamma(-3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.digamma(0)).isNaN();
        assertThat(SpecialFunctions.digamma(-2)).isNaN();
        assertThat(SpecialFunctions.lgamma(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.betaln(0, 1)).isNaN();
        assertThat(SpecialFunctions.betaln(-1, 2)).isNaN();
    }

    private static void assertClose(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s = %s, expected %s", what, actual, expected)
                .isLessThanOrEqualTo(RELATIVE * Math.abs(expected));
    }
}
