/** The public API of gmm-bench. */
package dev.gmm.bench;
