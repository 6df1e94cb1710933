package dev.gmm.spark;

import dev.gmm.core.GaussianMixtureModel;

/** {@link Agreement} for the tests of other packages. */
public final class AgreementAccess {
    private AgreementAccess() {
    }

    public static void assertSameFit(GaussianMixtureModel actual, GaussianMixtureModel expected, double parameters,
                                     double lowerBound) {
        Agreement.assertSameFit(actual, expected, parameters, lowerBound);
    }
}
