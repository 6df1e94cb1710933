package dev.gmm.spark;

import dev.gmm.core.DataMatrix;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The one local SparkSession every test of this module shares (it takes 10–50 s to start on a busy
 * machine; Surefire runs the module's tests in one JVM), and DataFrames of fixture rows.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("gmm-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    /** The rows as a {@code features} Vector column, split into {@code partitions} in row order. */
    static Dataset<Row> vectors(DataMatrix x, int partitions) {
        StructType schema = new StructType(new StructField[] {
                new StructField("features", new VectorUDT(), false, Metadata.empty())});
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.rows(); i++) {
            rows.add(RowFactory.create(Vectors.dense(x.row(i))));
        }
        return frame(rows, schema, partitions);
    }

    /** The rows as plain double columns c0, c1, …, split into {@code partitions} in row order. */
    static Dataset<Row> columns(DataMatrix x, int partitions) {
        StructField[] fields = new StructField[x.cols()];
        for (int j = 0; j < fields.length; j++) {
            fields[j] = new StructField("c" + j, DataTypes.DoubleType, true, Metadata.empty());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.rows(); i++) {
            Object[] values = new Object[x.cols()];
            for (int j = 0; j < values.length; j++) {
                values[j] = x.get(i, j);
            }
            rows.add(RowFactory.create(values));
        }
        return frame(rows, new StructType(fields), partitions);
    }

    static String[] columnNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "c" + j;
        }
        return names;
    }

    /** parallelize slices a list into contiguous ranges, so row order survives any partition count. */
    static Dataset<Row> frame(List<Row> rows, StructType schema, int partitions) {
        SparkSession spark = session();
        return spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(rows, partitions), schema);
    }
}
