package dev.gmm.core;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles in row-major order with its shape: how parameters whose
 * shape depends on the covariance type (sklearn's {@code covariances_} and
 * {@code precisions_cholesky_}: full [K][D][D], tied [D][D], diag [K][D], spherical [K]) travel
 * through the API and into model files.
 *
 * @param shape  the size of each dimension
 * @param values the values, row-major; its length is the product of the shape
 */
public record ShapedArray(int[] shape, double[] values) {

    /** Checks that the values fill the shape exactly, and copies both. */
    public ShapedArray {
        long size = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= s;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values but got " + values.length);
        }
        shape = shape.clone();
        values = values.clone();
    }

    /** A vector: shape [n]. */
    public static ShapedArray of(double[] v) {
        return new ShapedArray(new int[] {v.length}, v);
    }

    /** A matrix: shape [rows][cols]; the rows must all have the same length. */
    public static ShapedArray of(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException("ragged array: row " + i + " has " + m[i].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return new ShapedArray(new int[] {rows, cols}, flat);
    }

    /** A stack of matrices: shape [a][b][c]; every matrix and row must have the same size. */
    public static ShapedArray of(double[][][] t) {
        int a = t.length;
        int b = a == 0 ? 0 : t[0].length;
        int c = b == 0 ? 0 : t[0][0].length;
        double[] flat = new double[a * b * c];
        for (int i = 0; i < a; i++) {
            if (t[i].length != b) {
                throw new IllegalArgumentException("ragged array: matrix " + i + " has " + t[i].length + " rows, matrix 0 has " + b);
            }
            for (int j = 0; j < b; j++) {
                if (t[i][j].length != c) {
                    throw new IllegalArgumentException("ragged array: row [" + i + "][" + j + "] has "
                            + t[i][j].length + " values, expected " + c);
                }
                System.arraycopy(t[i][j], 0, flat, (i * b + j) * c, c);
            }
        }
        return new ShapedArray(new int[] {a, b, c}, flat);
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The values (a copy), row-major. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The size of dimension {@code axis} (0-based). */
    public int dimension(int axis) {
        return shape[axis];
    }

    /** The value at a flat row-major index (no copy). */
    public double at(int flatIndex) {
        return values[flatIndex];
    }

    /** The number of values, the product of the shape. */
    public int size() {
        return values.length;
    }

    /**
     * Checks a covariance-model input: present, of the expected shape, every value finite.
     *
     * @param what the argument's name ("precisions", "covariances")
     * @param type the covariance type, for the message
     * @throws IllegalArgumentException naming the argument, the shape expected and the one given
     */
    public static void requireShape(ShapedArray array, String what, String type, int... expected) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is missing: pass an array of shape "
                    + java.util.Arrays.toString(expected));
        }
        if (!array.hasShape(expected)) {
            throw new IllegalArgumentException("'" + what + "' for covariance_type '" + type + "' should have shape "
                    + java.util.Arrays.toString(expected) + ", but got " + java.util.Arrays.toString(array.shape()));
        }
        for (int i = 0; i < array.size(); i++) {
            if (!Double.isFinite(array.at(i))) {
                throw new IllegalArgumentException("'" + what + "' contains " + array.at(i) + " at flat index " + i
                        + ": every value must be finite");
            }
        }
    }

    /** The {@code index}-th block of {@code length} consecutive values (a D·D matrix of a K×D×D array, say). */
    public double[] block(int index, int length) {
        return java.util.Arrays.copyOfRange(values, index * length, (index + 1) * length);
    }

    /** Whether the shape equals {@code expected}. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** As a nested Java array: double[], double[][] or double[][][] by rank. */
    public Object toNestedArray() {
        switch (shape.length) {
            case 1:
                return values.clone();
            case 2: {
                double[][] m = new double[shape[0]][shape[1]];
                for (int i = 0; i < shape[0]; i++) {
                    System.arraycopy(values, i * shape[1], m[i], 0, shape[1]);
                }
                return m;
            }
            case 3: {
                double[][][] t = new double[shape[0]][shape[1]][shape[2]];
                for (int i = 0; i < shape[0]; i++) {
                    for (int j = 0; j < shape[1]; j++) {
                        System.arraycopy(values, (i * shape[1] + j) * shape[2], t[i][j], 0, shape[2]);
                    }
                }
                return t;
            }
            default:
                throw new IllegalStateException("rank " + shape.length + " has no nested form here");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapedArray s && Arrays.equals(shape, s.shape) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ShapedArray" + Arrays.toString(shape);
    }
}
