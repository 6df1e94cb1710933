/** The public API of gmm-baselines. */
package dev.gmm.baselines;
