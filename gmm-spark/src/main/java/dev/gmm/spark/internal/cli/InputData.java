package dev.gmm.spark.internal.cli;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's input: a CSV file (header detected as {@code gmm} does: a first line that is not all
 * numbers), a Parquet file, or a folder of either; every column a feature unless {@code --columns} picks
 * some. CSV values are read as doubles, so a value that is not a number becomes null and the fit names
 * its column and row.
 */
final class InputData {
    private InputData() {
    }

    /** Reads {@code path} through Hadoop's FileSystem: a local path, or hdfs://, s3a://… as Spark knows them. */
    static Dataset<Row> read(SparkSession spark, String path, int partitions) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new java.io.FileNotFoundException("--data " + path + " does not exist: give a CSV or Parquet file, or a folder of them");
        }
        Path sample = fs.getFileStatus(p).isDirectory() ? firstDataFile(fs, p) : p;
        Dataset<Row> data = sample.getName().endsWith(".parquet") ? spark.read().parquet(path) : csv(spark, fs, path, sample);
        return partitions > 0 ? inOrder(spark, data, partitions) : data;
    }

    private static Path firstDataFile(FileSystem fs, Path dir) throws IOException {
        return Arrays.stream(fs.listStatus(dir)).filter(FileStatus::isFile).map(FileStatus::getPath)
                .filter(f -> !f.getName().startsWith("_") && !f.getName().startsWith("."))
                .sorted().findFirst()
                .orElseThrow(() -> new java.io.FileNotFoundException("--data " + dir
                        + " holds no data files: give a folder of CSV or Parquet files"));
    }

    private static Dataset<Row> csv(SparkSession spark, FileSystem fs, String path, Path first) throws IOException {
        String line;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(first), StandardCharsets.UTF_8))) {
            line = in.readLine();
        }
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("--data " + first + " is empty: a mixture needs rows to fit");
        }
        String[] cells = line.split(",", -1);
        boolean header = !allNumbers(cells);
        StructField[] fields = new StructField[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String name = header ? cells[j].trim().replace("\"", "") : "c" + j;
            fields[j] = DataTypes.createStructField(name, DataTypes.DoubleType, true);
        }
        return spark.read().schema(new StructType(fields)).option("header", header).option("mode", "PERMISSIVE")
                .csv(path);
    }

    private static boolean allNumbers(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The rows in {@code partitions} contiguous ranges, in their order (Spark's repartition shuffles them). */
    static Dataset<Row> inOrder(SparkSession spark, Dataset<Row> data, int partitions) {
        JavaPairRDD<Long, Row> indexed = data.javaRDD().zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
        long rows = indexed.count();
        JavaRDD<Row> ranged = indexed.repartitionAndSortWithinPartitions(new Ranges(partitions, rows)).values();
        return spark.createDataFrame(ranged, data.schema());
    }

    /** Row index → one of {@code n} contiguous, nearly equal ranges. */
    static final class Ranges extends Partitioner {
        private final int n;
        private final long rows;

        Ranges(int n, long rows) {
            this.n = n;
            this.rows = Math.max(rows, 1);
        }

        @Override
        public int numPartitions() {
            return n;
        }

        @Override
        public int getPartition(Object key) {
            return (int) Math.min(n - 1, (Long) key * n / rows);
        }
    }

    /** The feature columns: --columns, or every column. */
    static String[] columns(Dataset<Row> data, List<String> chosen) {
        return chosen == null || chosen.isEmpty() ? data.columns() : chosen.toArray(String[]::new);
    }
}
