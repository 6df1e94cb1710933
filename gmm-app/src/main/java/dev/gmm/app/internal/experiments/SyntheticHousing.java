package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.datasets.CaliforniaHousing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in for California Housing when the real file is not given: SYNTHETIC rows with sklearn's
 * 8 feature names. Block groups cluster around five metropolitan areas and spread thinly over the
 * rest of the state; income is higher near the coast and rooms grow with income, so the correlations
 * and the geography have the real data's shape but none of its values. Never a substitute for results.
 */
final class SyntheticHousing {
    /** Latitude, longitude, spread (degrees) and share of the metropolitan areas. */
    private static final double[][] METROS = {
            {34.05, -118.25, 0.35, 0.36}, // Los Angeles
            {37.70, -122.20, 0.30, 0.24}, // San Francisco Bay
            {32.80, -117.10, 0.20, 0.10}, // San Diego
            {38.60, -121.40, 0.25, 0.08}, // Sacramento
            {36.70, -119.80, 0.45, 0.10}, // Fresno, the Central Valley
    };

    private SyntheticHousing() {
    }

    static Dataset generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 8];
        for (int i = 0; i < n; i++) {
            double lat;
            double lon;
            boolean coastal;
            double u = r.nextDouble();
            int metro = -1;
            double acc = 0;
            for (int m = 0; m < METROS.length && metro < 0; m++) {
                acc += METROS[m][3];
                if (u < acc) {
                    metro = m;
                }
            }
            if (metro >= 0) {
                lat = METROS[metro][0] + METROS[metro][2] * r.nextGaussian();
                lon = METROS[metro][1] + METROS[metro][2] * r.nextGaussian();
                coastal = metro <= 2;
            } else {
                // Rural: along the state's north-west to south-east axis.
                double t = r.nextDouble();
                lat = 41.5 - 8.0 * t + 0.6 * r.nextGaussian();
                lon = -123.5 + 8.0 * t + 0.6 * r.nextGaussian();
                coastal = false;
            }
            double medInc = Math.exp(Math.log(coastal ? 4.2 : 3.0) + 0.45 * r.nextGaussian());
            double houseAge = 2 + r.nextInt(51);
            double aveRooms = Math.max(1.5, 3.6 + 0.45 * medInc + 0.7 * r.nextGaussian());
            double aveBedrms = Math.max(0.6, 0.9 + 0.035 * aveRooms + 0.06 * r.nextGaussian());
            double population = Math.exp(Math.log(coastal ? 1300 : 900) + 0.6 * r.nextGaussian());
            double aveOccup = Math.exp(Math.log(2.9) + 0.25 * r.nextGaussian());
            double[] row = {medInc, houseAge, aveRooms, aveBedrms, population, aveOccup, lat, lon};
            System.arraycopy(row, 0, x, i * 8, 8);
        }
        return new Dataset("california-housing-synthetic", DataMatrix.wrap(x, n, 8), null,
                CaliforniaHousing.FEATURES, List.of());
    }
}
