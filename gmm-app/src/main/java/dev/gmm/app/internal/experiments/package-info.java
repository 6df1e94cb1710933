/**
 * The study's experiments that need several modules (Decision 8): the Iris check ({@code iris}), GMM
 * against K-Means and Isolation Forest, parameter sweeps, density analyses and the ODDS benchmark.
 * Each declares its options ({@link dev.gmm.core.app.spi.ExperimentOption}), reads them with
 * {@code context.read(this)}, chooses models through gmm-metrics' {@code ModelSelection} and counts
 * confusions with its {@code ConfusionMatrix}. Each returns an
 * {@link dev.gmm.core.experiment.ExperimentResult} of plain data; the app's report draws it. The
 * comparison partners ("kmeans", "isolation-forest") are found by name through
 * {@link dev.gmm.core.Plugins}, so the app never links Smile directly. Not exported.
 */
package dev.gmm.app.internal.experiments;
