package dev.gmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Features come from a Vector column, an array column or plain numeric columns, with or without a
 * weight column; bad input is an IllegalArgumentException naming the column or the problem — before
 * any job for what the schema shows, from the first (reading) job for what only the rows show.
 */
class SparkInputsTest {
    private static final DataMatrix IRIS = Fixtures.csv("iris.csv");
    private static final String[] COLS = SharedSpark.columnNames(4);

    private static SparkGaussianMixture estimator() {
        return new SparkGaussianMixture().setK(3).setSeed(3).setTol(1e-6);
    }

    @Test
    void vector_array_and_plain_columns_give_the_same_model() {
        Dataset<Row> plain = SharedSpark.columns(IRIS, 2);
        GaussianMixtureModel fromColumns = estimator().setInputCols(COLS).fit(plain).gmm();
        GaussianMixtureModel fromVector = estimator().fit(SharedSpark.vectors(IRIS, 2)).gmm();
        Dataset<Row> arrays = plain.select(functions.array(plain.col("c0"), plain.col("c1"), plain.col("c2"),
                plain.col("c3")).as("xs"));
        GaussianMixtureModel fromArray = estimator().setFeaturesCol("xs").fit(arrays).gmm();
        assertThat(fromVector.means()).isDeepEqualTo(fromColumns.means());
        assertThat(fromArray.covariances().values()).isEqualTo(fromColumns.covariances().values());
        assertThat(fromColumns.report().lowerBound()).isEqualTo(GaussianMixture.builder().components(3).seed(3)
                .tol(1e-6).build().fit(IRIS).report().lowerBound(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a_weight_column_gives_the_single_machine_weighted_fit() {
        double[] w = new double[IRIS.rows()];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 3;
            double[] x = IRIS.row(i);
            rows.add(RowFactory.create(x[0], x[1], x[2], x[3], w[i]));
        }
        StructType schema = SharedSpark.columns(IRIS, 1).schema().add("w", DataTypes.DoubleType);
        GaussianMixture config = GaussianMixture.builder().components(3).seed(3).tol(1e-8).build();
        GaussianMixtureModel expected = config.fit(IRIS, w);
        GaussianMixtureModel actual = Fixtures.estimator(config).setInputCols(COLS).setWeightCol("w")
                .fit(SharedSpark.frame(rows, schema, 3)).gmm();
        Agreement.assertSameFit(actual, expected, 1e-10, 1e-12);
    }

    @Test
    void a_missing_column_is_refused_before_any_job() {
        assertNoJobAndRefused(() -> estimator().setFeaturesCol("nope").fit(SharedSpark.vectors(IRIS, 2)),
                "featuresCol: no column 'nope' in the DataFrame; its columns are [features]");
        assertNoJobAndRefused(() -> estimator().setInputCols(new String[] {"c0", "c9"}).fit(SharedSpark.columns(IRIS, 2)),
                "inputCols: no column 'c9'");
        assertNoJobAndRefused(() -> estimator().setWeightCol("w").fit(SharedSpark.vectors(IRIS, 2)),
                "weightCol: no column 'w'");
    }

    @Test
    void a_non_numeric_column_is_refused_before_any_job() {
        Dataset<Row> withText = SharedSpark.columns(IRIS, 2).withColumn("species", functions.lit("setosa"));
        assertNoJobAndRefused(() -> estimator().setInputCols(new String[] {"c0", "species"}).fit(withText),
                "inputCols column 'species' is string, not numeric");
        assertNoJobAndRefused(() -> estimator().setFeaturesCol("species").fit(withText),
                "featuresCol 'species' is string; it must be a Vector or an array of numbers");
    }

    @Test
    void bad_params_are_refused_before_any_job() {
        assertNoJobAndRefused(() -> estimator().setCovarianceType("bogus").fit(SharedSpark.vectors(IRIS, 2)),
                "bogus");
        assertNoJobAndRefused(() -> estimator().setK(0).fit(SharedSpark.vectors(IRIS, 2)), "components = 0");
        assertNoJobAndRefused(() -> estimator().setInitSampleSize(2).fit(SharedSpark.vectors(IRIS, 2)),
                "initSampleSize = 2 is below k = 3");
    }

    @Test
    void nan_and_null_values_are_refused_naming_the_column_and_the_row() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(RowFactory.create(1.0 * i, i == 13 ? Double.NaN : 2.0 * i));
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("a", DataTypes.DoubleType, true, Metadata.empty()),
                new StructField("b", DataTypes.DoubleType, true, Metadata.empty())});
        String[] ab = {"a", "b"};
        assertThatThrownBy(() -> estimator().setInputCols(ab).fit(SharedSpark.frame(rows, schema, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("row 13 (counting from 0): column 'b' is NaN");
        rows.set(4, RowFactory.create(null, 8.0));
        assertThatThrownBy(() -> estimator().setInputCols(ab).fit(SharedSpark.frame(rows, schema, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("row 4 (counting from 0): column 'a' is null");
    }

    @Test
    void an_empty_dataframe_and_k_above_the_row_count_are_refused() {
        Dataset<Row> empty = SharedSpark.vectors(IRIS, 2).limit(0);
        assertThatThrownBy(() -> estimator().fit(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the DataFrame is empty");
        Dataset<Row> two = SharedSpark.vectors(IRIS.rowRange(0, 2), 1);
        assertThatThrownBy(() -> estimator().fit(two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_components = 3, n_samples = 2");
    }

    @Test
    void a_negative_weight_is_refused_naming_the_weight_column() {
        Dataset<Row> weighted = SharedSpark.columns(IRIS, 2).withColumn("w",
                functions.when(functions.col("c0").gt(7.5), -1.0).otherwise(1.0));
        assertThatThrownBy(() -> estimator().setInputCols(COLS).setWeightCol("w").fit(weighted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weightCol 'w' is -1.0; weights must be finite and >= 0");
    }

    /** Refused with the message, and no Spark job ran for it. */
    private static void assertNoJobAndRefused(ThrowingCallable fit, String message) {
        SparkSession spark = SharedSpark.session();
        String group = "refused-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, "a fit that must fail before any job", false);
        try {
            assertThatThrownBy(fit).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(group)).as("jobs run").isEmpty();
    }
}
