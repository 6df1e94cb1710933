package dev.gmm.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NumPy 1.24's float32 results, reproduced bit for bit (values printed by NumPy 1.24.2 on AVX-512). */
class NumpyFloat32Test {

    @Test
    void complexAbsIsNumpysAvx512FormulaNotTheCorrectlyRoundedHypot() {
        // {re, im, np.abs(complex64), correctly rounded hypot}: NumPy is one ulp below in each
        float[][] cases = {
                {-1.3243589401245117f, 0.6214967966079712f, 1.4629369974136353f, 1.4629371166229248f},
                {0.4204452335834503f, 1.8157238960266113f, 1.8637669086456299f, 1.8637670278549194f},
                {-0.7847803831100464f, -1.9484788179397583f, 2.100583076477051f, 2.10058331489563f},
                {0.7487457990646362f, -1.505789041519165f, 1.6816719770431519f, 1.6816720962524414f},
        };
        for (float[] c : cases) {
            float hypot = (float) Math.hypot(c[0], c[1]);
            assertThat(hypot).as("the correctly rounded value differs").isEqualTo(c[3]);
            assertThat(NumpyFloat32.complexAbs(c[0], c[1])).as("|%s + %si|", c[0], c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void complexAbsOfExactAndEdgeValues() {
        assertThat(NumpyFloat32.complexAbs(3f, 4f)).isEqualTo(5f);
        assertThat(NumpyFloat32.complexAbs(0f, 0f)).isEqualTo(0f);
        assertThat(NumpyFloat32.complexAbs(-5f, 0f)).isEqualTo(5f);
        assertThat(NumpyFloat32.complexAbs(1e-30f, 1e-30f)).isEqualTo(1.4142135555081815e-30f);
        assertThat(NumpyFloat32.complexAbs(Float.NaN, Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(NumpyFloat32.complexAbs(Float.NaN, 1f)).isNaN();
    }

    @Test
    void medianOfAnEvenCountIsTheFloat32MeanOfTheMiddleTwo() {
        // 16777216 + 16777218 = 33554434 is not a float32: the float sum rounds to 33554432, so the
        // median is 16777216, where a float64 mean gives 16777217
        float[] sorted = {1f, 16777216f, 16777218f, 1e9f};
        assertThat(NumpyFloat32.median(sorted, 4)).isEqualTo(16777216f);
        assertThat(NumpyFloat32.median(new float[] {1f, 2f, 7f}, 3)).isEqualTo(2f);
    }
}
