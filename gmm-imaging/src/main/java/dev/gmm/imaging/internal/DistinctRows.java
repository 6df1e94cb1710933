package dev.gmm.imaging.internal;

import dev.gmm.core.DataMatrix;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Counts a matrix's distinct rows: how many components (or segments) its pixels can support. */
public final class DistinctRows {
    private DistinctRows() {
    }

    /** Counts distinct rows, stopping early once {@code limit} is reached (all we need to know). */
    public static int count(DataMatrix data, int limit) {
        Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            seen.add(new RowKey(data.row(i)));
        }
        return seen.size();
    }

    /** A row compared by value. */
    private record RowKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
