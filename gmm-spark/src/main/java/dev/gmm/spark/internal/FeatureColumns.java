package dev.gmm.spark.internal;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a DataFrame keeps the features (one {@code Vector} or {@code array<numeric>} column, or several
 * numeric columns) and the optional weight, checked against the schema before any job runs, and how to
 * read one row of them into a {@code double[]} on an executor.
 */
public final class FeatureColumns implements Serializable {
    private enum Kind { VECTOR, ARRAY, COLUMNS }

    private final Kind kind;
    private final String[] names;
    private final String weightCol;
    /** Where the feature columns, then the weight column, are in the rows {@link #read} gets. */
    private final int[] at;

    private FeatureColumns(Kind kind, String[] names, String weightCol, int[] at) {
        this.kind = kind;
        this.names = names;
        this.weightCol = weightCol;
        this.at = at;
    }

    private static FeatureColumns in(StructType schema, Kind kind, String[] names, String weightCol) {
        int[] at = new int[names.length + (weightCol == null ? 0 : 1)];
        for (int j = 0; j < names.length; j++) {
            at[j] = schema.fieldIndex(names[j]);
        }
        if (weightCol != null) {
            at[names.length] = schema.fieldIndex(weightCol);
        }
        return new FeatureColumns(kind, names, weightCol, at);
    }

    /** The same columns, read from rows of {@link #select}'s DataFrame. */
    public FeatureColumns inSelection() {
        int[] positions = new int[at.length];
        Arrays.setAll(positions, i -> i);
        return new FeatureColumns(kind, names, weightCol, positions);
    }

    /**
     * Checks the schema: the columns exist and hold numbers.
     *
     * @param inputCols plain numeric feature columns; when empty, {@code featuresCol} is read instead
     * @param weightCol a numeric weight column, or null/empty for none
     * @throws IllegalArgumentException naming the column, its type and the fix
     */
    public static FeatureColumns of(StructType schema, String featuresCol, String[] inputCols, String weightCol) {
        String weight = weightCol == null || weightCol.isEmpty() ? null : weightCol;
        if (weight != null) {
            requireNumeric(schema, weight, "weightCol");
        }
        if (inputCols != null && inputCols.length > 0) {
            for (String c : inputCols) {
                requireNumeric(schema, c, "inputCols");
            }
            return in(schema, Kind.COLUMNS, inputCols.clone(), weight);
        }
        DataType type = field(schema, featuresCol, "featuresCol").dataType();
        if (type instanceof VectorUDT) {
            return in(schema, Kind.VECTOR, new String[] {featuresCol}, weight);
        }
        if (type instanceof ArrayType a && a.elementType() instanceof NumericType) {
            return in(schema, Kind.ARRAY, new String[] {featuresCol}, weight);
        }
        throw new IllegalArgumentException("featuresCol '" + featuresCol + "' is " + type.simpleString()
                + "; it must be a Vector or an array of numbers (or set inputCols to plain numeric columns)");
    }

    /** The feature columns then the weight column, in the order {@link #read} expects. */
    public Dataset<Row> select(Dataset<?> data) {
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(functions.col(quote(n)));
        }
        if (weightCol != null) {
            cols.add(functions.col(quote(weightCol)));
        }
        return data.select(cols.toArray(Column[]::new));
    }

    /** The D features of a row, when the column count is fixed by the schema; -1 for a Vector or array column. */
    public int knownWidth() {
        return kind == Kind.COLUMNS ? names.length : -1;
    }

    public boolean weighted() {
        return weightCol != null;
    }

    /** The feature column names as a model file records them (plain columns only), else null. */
    public List<String> featureNames() {
        return kind == Kind.COLUMNS ? List.of(names) : null;
    }

    /**
     * A row's features, or a message naming the column and the
     * problem when one is null or not finite.
     */
    public Object read(Row row) {
        double[] x;
        switch (kind) {
            case VECTOR -> {
                Vector v = (Vector) row.get(at[0]);
                if (v == null) {
                    return "featuresCol '" + names[0] + "' is null";
                }
                x = v.toArray();
            }
            case ARRAY -> {
                if (row.isNullAt(at[0])) {
                    return "featuresCol '" + names[0] + "' is null";
                }
                List<Object> values = row.getList(at[0]);
                x = new double[values.size()];
                for (int j = 0; j < x.length; j++) {
                    Object o = values.get(j);
                    if (o == null) {
                        return "featuresCol '" + names[0] + "' has a null at element " + j;
                    }
                    x[j] = ((Number) o).doubleValue();
                }
            }
            default -> {
                x = new double[names.length];
                for (int j = 0; j < x.length; j++) {
                    if (row.isNullAt(at[j])) {
                        return "column '" + names[j] + "' is null (or not a number)";
                    }
                    x[j] = ((Number) row.get(at[j])).doubleValue();
                }
            }
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                return (kind == Kind.COLUMNS ? "column '" + names[j] + "'" : "featuresCol '" + names[0]
                        + "' element " + j) + " is " + x[j];
            }
        }
        return x;
    }

    /** The row's weight; NaN when it is null, to be refused by the caller. */
    public double weight(Row row) {
        int w = at[at.length - 1];
        return row.isNullAt(w) ? Double.NaN : ((Number) row.get(w)).doubleValue();
    }

    public String weightCol() {
        return weightCol;
    }

    private static void requireNumeric(StructType schema, String name, String param) {
        DataType type = field(schema, name, param).dataType();
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException(param + " column '" + name + "' is " + type.simpleString()
                    + ", not numeric: cast it to double, or leave it out of " + param);
        }
    }

    private static StructField field(StructType schema, String name, String param) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(param + " is empty: name a column of the DataFrame");
        }
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(param + ": no column '" + name + "' in the DataFrame; its columns are "
                + Arrays.toString(schema.fieldNames()));
    }

    /** Backticks, so that names with dots or spaces select the column they name. */
    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
