package dev.gmm.core.internal.init;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.InitialResponsibilities;
import dev.gmm.core.spi.Initializer;

import java.util.random.RandomGenerator;

/** scikit-learn's "random": uniform random responsibilities, each row normalized. */
public final class RandomInitializer implements Initializer {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniform random responsibilities, normalized per row";
    }

    @Override
    public InitialResponsibilities initialize(DataMatrix data, double[] w, int k, RandomGenerator random) {
        int n = data.rows();
        double[] resp = new double[n * k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                resp[i * k + c] = random.nextDouble();
                sum += resp[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                resp[i * k + c] /= sum;
            }
        }
        return new InitialResponsibilities.Soft(resp, k);
    }
}
