/** The public API of gmm-datasets. */
package dev.gmm.datasets;
