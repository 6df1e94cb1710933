/** The public API of gmm-imaging. */
package dev.gmm.imaging;
