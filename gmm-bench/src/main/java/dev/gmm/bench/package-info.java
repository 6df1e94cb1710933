/**
 * gmm-bench: JMH benchmarks of one EM iteration on the shared workloads W1–W4, for the scalar and the
 * Vector API kernel. GPL-3.0 (links Smile).
 */
package dev.gmm.bench;
