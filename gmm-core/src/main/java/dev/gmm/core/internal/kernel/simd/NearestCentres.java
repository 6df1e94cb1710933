package dev.gmm.core.internal.kernel.simd;

import static dev.gmm.core.internal.kernel.simd.Lanes.LANES;
import static dev.gmm.core.internal.kernel.simd.Lanes.SPECIES;
import static dev.gmm.core.internal.kernel.simd.Lanes.STRIDE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The k-means assignment on a feature-major block, one vector of rows at a time. Distances are
 * summed feature by feature with a separate multiply and add — no FMA — so each lane computes
 * exactly what the scalar reference computes, and a strict less-than keeps the lowest index on ties.
 */
final class NearestCentres {
    private NearestCentres() {
    }

    /** best[r] = min over centres of ‖xᵣ − c‖², label[r] = its index (as a double), rows [0, len). */
    static void assign(double[] x, int d, int len, double[] centres, int k, double[] best, double[] label) {
        for (int g = 0; g < len; g += LANES) {
            DoubleVector nearest = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
            DoubleVector index = DoubleVector.zero(SPECIES);
            for (int c = 0; c < k; c++) {
                DoubleVector s = DoubleVector.zero(SPECIES);
                for (int j = 0; j < d; j++) {
                    DoubleVector diff = DoubleVector.fromArray(SPECIES, x, j * STRIDE + g).sub(centres[c * d + j]);
                    s = s.add(diff.mul(diff));
                }
                VectorMask<Double> closer = s.compare(VectorOperators.LT, nearest);
                nearest = nearest.blend(s, closer);
                index = index.blend(c, closer);
            }
            nearest.intoArray(best, g);
            index.intoArray(label, g);
        }
    }
}
