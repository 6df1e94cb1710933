/**
 * The EM SPI: what the EM loop itself calls while it fits a mixture. A {@link dev.gmm.core.spi.CovarianceModel}
 * turns the kernel's {@link dev.gmm.core.spi.SufficientStatistics} into {@link dev.gmm.core.spi.CovarianceParameters}
 * (or fails with {@link dev.gmm.core.spi.IllDefinedCovarianceException}); an {@link dev.gmm.core.spi.Initializer}
 * gives the first responsibilities. Plus the two registry types every plugin kind shares,
 * {@link dev.gmm.core.spi.NamedProvider} and {@link dev.gmm.core.spi.PluginKind}.
 *
 * <p>Why a package of its own: this is the contract the fused kernel and the engine are written
 * against, and the one a third party implements to add a covariance shape or a start. It changes
 * with EM (statistics, parameter forms) and for no other reason, so it must not depend on the
 * app-level SPIs in {@link dev.gmm.core.app.spi} (clusterers, detectors, metrics, data sets,
 * experiments), which change with what the app and the experiments need. The architecture tests
 * hold that rule.
 */
package dev.gmm.core.spi;
