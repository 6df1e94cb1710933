package dev.gmm.core.internal.special;

/**
 * The special functions the variational fit needs and the JDK lacks: log Γ ({@link #lgamma}), its
 * derivative ψ ({@link #digamma}) and log B ({@link #betaln}), each to about 1e-15 relative away from
 * their zeros, like SciPy's {@code gammaln}, {@code digamma} and {@code betaln} (which scikit-learn's
 * BayesianGaussianMixture calls).
 *
 * <p>How: near 1 and 2, the Taylor series of log Γ(1+z) and ψ(1+z) in ζ(k) − 1 (which shrink like
 * 2⁻ᵏ, so 40 terms reach rounding for |z| ≤ ½), written so that the large parts cancel analytically
 * instead of in floating point; between 2.5 and 10, the recurrences taken downwards into that range,
 * which only add positive terms; from 10 up, Stirling's series; below ½ and for negative arguments, the
 * recurrence and the reflection formulas. log B follows R's {@code lbeta}: Stirling corrections with
 * {@code log1p} when an argument is large, so that betaln(10⁶, ½) keeps its digits.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    /** Euler–Mascheroni γ = −ψ(1). */
    static final double EULER_GAMMA = 0.57721566490153286061;
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    /** ζ(k) − 1 for k = 2, 3, …, 41 (mpmath 1.3, 40 digits, rounded to 19). */
    private static final double[] ZETA_MINUS_ONE = {
            0.6449340668482264365, 0.2020569031595942854, 0.08232323371113819152, 0.03692775514336992633,
            0.01734306198444913971, 0.00834927738192282684, 0.004077356197944339379, 0.002008392826082214418,
            0.0009945751278180853371, 0.0004941886041194645587, 0.0002460865533080482986, 0.0001227133475784891468,
            0.00006124813505870482926, 0.00003058823630702049355, 0.00001528225940865187173, 7.637197637899762274e-6,
            3.817293264999839856e-6, 1.908212716553938926e-6, 9.539620338727961132e-7, 4.769329867878064631e-7,
            2.3845050272773299e-7, 1.192199259653110731e-7, 5.960818905125947961e-8, 2.980350351465228019e-8,
            1.490155482836504123e-8, 7.450711789835429492e-9, 3.725334024788457055e-9, 1.862659723513049006e-9,
            9.313274324196681829e-10, 4.656629065033784073e-10, 2.328311833676505492e-10, 1.164155017270051978e-10,
            5.820772087902700889e-11, 2.910385044497099687e-11, 1.455192189104198424e-11, 7.275959835057481015e-12,
            3.63797954737865119e-12, 1.818989650307065948e-12, 9.094947840263889283e-13, 4.547473783042154027e-13,
    };

    /** B₂ₖ / (2k(2k − 1)) for k = 1..8: Stirling's series of log Γ. */
    private static final double[] STIRLING = {
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156, -3617.0 / 122400,
    };

    /** B₂ₖ / (2k) for k = 1..8: the asymptotic series of ψ. */
    private static final double[] DIGAMMA_ASYMPTOTIC = {
            1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12, -3617.0 / 8160,
    };

    /** Where the asymptotic series take over: from 10 up, 8 terms are below rounding. */
    private static final double ASYMPTOTIC_FROM = 10;

    /** log |Γ(x)|: +∞ at 0 and the negative integers, NaN for NaN. */
    public static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            if (x == Math.rint(x)) {
                return Double.POSITIVE_INFINITY;
            }
            // reflection: Γ(x)Γ(1 − x) = π / sin(πx)
            return Math.log(Math.PI / Math.abs(sinPi(x))) - lgamma(1 - x);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0.5) {
            return lgammaOnePlus(x) - Math.log(x);
        }
        if (x < 1.5) {
            return lgammaOnePlus(x - 1);
        }
        if (x < 2.5) {
            return lgammaTwoPlus(x - 2);
        }
        if (x < ASYMPTOTIC_FROM) {
            // log Γ(x) = log((x−1)(x−2)…(x−m)) + log Γ(x − m) with x − m in [1.5, 2.5): only positive terms
            double product = 1;
            double y = x;
            while (y >= 2.5) {
                y -= 1;
                product *= y;
            }
            return Math.log(product) + lgammaTwoPlus(y - 2);
        }
        return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
    }

    /** ψ(x) = d/dx log Γ(x): NaN at 0 and the negative integers (its poles) and for NaN. */
    public static double digamma(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            if (x == Math.rint(x)) {
                return Double.NaN;
            }
            // reflection: ψ(1 − x) − ψ(x) = π cot(πx)
            return digamma(1 - x) - Math.PI * cosPi(x) / sinPi(x);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0.5) {
            return digammaOnePlus(x) - 1 / x;
        }
        if (x < 1.5) {
            return digammaOnePlus(x - 1);
        }
        if (x < ASYMPTOTIC_FROM) {
            // ψ(x) = ψ(x − m) + Σⱼ 1/(x − j), with x − m in [0.5, 1.5)
            double sum = 0;
            double y = x;
            while (y >= 1.5) {
                y -= 1;
                sum += 1 / y;
            }
            return digammaOnePlus(y - 1) + sum;
        }
        double inverseSquare = 1 / (x * x);
        double series = 0;
        for (int k = DIGAMMA_ASYMPTOTIC.length - 1; k >= 0; k--) {
            series = series * inverseSquare + DIGAMMA_ASYMPTOTIC[k];
        }
        return Math.log(x) - 0.5 / x - series * inverseSquare;
    }

    /**
     * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b &gt; 0 (NaN otherwise), without the
     * cancellation of that formula when an argument is large (R's {@code lbeta}).
     */
    public static double betaln(double a, double b) {
        double p = Math.min(a, b);
        double q = Math.max(a, b);
        if (!(p > 0)) {
            return Double.NaN;
        }
        if (q == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= ASYMPTOTIC_FROM) {
            double correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
            return -0.5 * Math.log(q) + LN_SQRT_2PI + correction + (p - 0.5) * Math.log(p / (p + q))
                    + q * Math.log1p(-p / (p + q));
        }
        if (q >= ASYMPTOTIC_FROM) {
            double correction = stirlingCorrection(q) - stirlingCorrection(p + q);
            return lgamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q);
    }

    /** log Γ(x) − ((x − ½) log x − x + log √(2π)) for x ≥ 10: Stirling's series. */
    static double stirlingCorrection(double x) {
        double inverseSquare = 1 / (x * x);
        double series = 0;
        for (int k = STIRLING.length - 1; k >= 0; k--) {
            series = series * inverseSquare + STIRLING[k];
        }
        return series / x;
    }

    /** log Γ(1 + z) = log Γ(2 + z) − log(1 + z), for |z| ≤ ½. */
    private static double lgammaOnePlus(double z) {
        return lgammaTwoPlus(z) - Math.log1p(z);
    }

    /**
     * log Γ(2 + z) for |z| ≤ ½: z(1 − γ) + Σₖ₌₂ (−1)ᵏ (ζ(k) − 1) zᵏ / k — the series of log Γ(1 + z)
     * plus log(1 + z), whose large terms cancel exactly on paper rather than in floating point.
     */
    private static double lgammaTwoPlus(double z) {
        double series = 0;
        for (int k = ZETA_MINUS_ONE.length + 1; k >= 2; k--) {
            double term = ZETA_MINUS_ONE[k - 2] / k;
            series = series * z + ((k & 1) == 0 ? term : -term);
        }
        return z * (1 - EULER_GAMMA) + series * z * z;
    }

    /** ψ(1 + z) for |z| ≤ ½: −γ + z/(1 + z) + Σₖ₌₂ (−1)ᵏ (ζ(k) − 1) zᵏ⁻¹. */
    private static double digammaOnePlus(double z) {
        double series = 0;
        for (int k = ZETA_MINUS_ONE.length + 1; k >= 2; k--) {
            double term = ZETA_MINUS_ONE[k - 2];
            series = series * z + ((k & 1) == 0 ? term : -term);
        }
        return -EULER_GAMMA + z / (1 + z) + series * z;
    }

    /** sin(πx), exactly 0 at the integers, from x reduced modulo 2. */
    private static double sinPi(double x) {
        return Math.sin(Math.PI * (x % 2));
    }

    /** cos(πx), from x reduced modulo 2. */
    private static double cosPi(double x) {
        return Math.cos(Math.PI * (x % 2));
    }
}
