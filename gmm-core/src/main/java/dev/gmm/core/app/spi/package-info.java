/**
 * The app-level plugin SPIs: what the command line, the experiments and the comparisons call,
 * never the EM loop. A {@link dev.gmm.core.app.spi.Clusterer} or an
 * {@link dev.gmm.core.app.spi.AnomalyDetector} puts a method (a mixture, K-Means, an Isolation
 * Forest) behind one interface so experiments compare them by name; a
 * {@link dev.gmm.core.app.spi.ClusterMetric} scores the result; a
 * {@link dev.gmm.core.app.spi.DatasetProvider} supplies the data; an
 * {@link dev.gmm.core.app.spi.Experiment} runs one study. (gmm-audio's feature extractors are of
 * the same kind; their SPI lives in that module, registered through
 * {@link dev.gmm.core.spi.PluginKind}.)
 *
 * <p>Why apart from {@link dev.gmm.core.spi}: these SPIs sit on top of a fitted model rather
 * than inside the fit, and they grow with the app (options, data sets, report data). Keeping them
 * here lets them depend on the EM SPI's shared registry types ({@link dev.gmm.core.spi.NamedProvider})
 * while the EM SPI, the engine and the kernel depend on none of them; the architecture tests
 * hold that rule.
 */
package dev.gmm.core.app.spi;
