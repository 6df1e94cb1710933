package dev.gmm.spark.internal.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.List;

/** Options every gmm-spark command takes: where Spark runs and what data it reads. */
final class SparkOptions {
    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark master URL: local[*] (default), local[N], spark://host:7077, yarn, k8s://…")
    String master;
    @Option(names = "--data", required = true, description = "A CSV or Parquet file, or a folder of them (a local path, or any URI Spark reads: hdfs://, s3a://).")
    String data;
    @Option(names = "--columns", split = ",", description = "Feature columns (default: every column).")
    List<String> columns;
    @Option(names = "--partitions", defaultValue = "0",
            description = "Split the rows into N contiguous partitions, keeping their order (default: as read).")
    int partitions;

    SparkSession session() {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions " + partitions + " is negative: give 1 or more, or 0 to keep the input's");
        }
        SparkSession.Builder b = SparkSession.builder().appName("gmm-spark").config("spark.ui.showConsoleProgress", "false");
        // under spark-submit the master comes from its own --master; ours is for the launcher
        if (System.getProperty("spark.master") == null) {
            b.master(master);
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
