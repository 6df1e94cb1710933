/**
 * gmm's EM on Apache Spark: {@link dev.gmm.spark.SparkGaussianMixture} (an ML {@code Estimator}) fits
 * a {@link dev.gmm.spark.SparkGaussianMixtureModel} (an ML {@code Model}) with the same engine, covariance
 * models and initializers as {@code dev.gmm.core.GaussianMixture}; the model saves gmm's own model JSON.
 * A class-path library (Automatic-Module-Name {@code dev.gmm.spark}); Spark itself is the cluster's.
 */
package dev.gmm.spark;
