/** Service interface for pluggable per-file audio feature sets. */
package dev.gmm.audio.spi;
