package dev.gmm.core.internal.covariance;

import dev.gmm.core.ShapedArray;

import java.util.Arrays;

/** Shape checks shared by the covariance providers, with messages that name the fix. */
final class Shapes {
    private Shapes() {
    }

    static void require(ShapedArray array, String what, String type, int[] expected) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is missing: pass an array of shape " + Arrays.toString(expected));
        }
        if (!array.hasShape(expected)) {
            throw new IllegalArgumentException("'" + what + "' for covariance_type '" + type + "' should have shape "
                    + Arrays.toString(expected) + ", but got " + Arrays.toString(array.shape()));
        }
        for (int i = 0; i < array.size(); i++) {
            if (!Double.isFinite(array.at(i))) {
                throw new IllegalArgumentException("'" + what + "' contains " + array.at(i) + " at flat index " + i
                        + ": every value must be finite");
            }
        }
    }

    /** A D·D block of a flat array. */
    static double[] block(ShapedArray array, int index, int d) {
        double[] out = new double[d * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.at(index * d * d + i);
        }
        return out;
    }

    static double[] diagonalMatrix(double[] diagonal) {
        int d = diagonal.length;
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = diagonal[i];
        }
        return m;
    }
}
